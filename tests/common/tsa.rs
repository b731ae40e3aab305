//! A throwaway timestamp authority made with `openssl` (a root CA and a TSA
//! certificate with extendedKeyUsage critical timeStamping), answering
//! requests with `openssl ts -reply`, and optionally over HTTP on a
//! loopback port. The tests need `openssl`; without it they fail.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;

/// `openssl`, or a failed test saying how to get it.
pub fn openssl() -> Command {
    let found = Command::new("openssl")
        .arg("version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "the timestamp tests need the `openssl` command (OpenSSL 3), which was not found: \
         install it (e.g. `apt-get install openssl`); these tests are never skipped"
    );
    Command::new("openssl")
}

/// Runs openssl with `args` in `dir`; panics with its output on failure.
pub fn run_openssl(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = openssl().args(args).current_dir(dir).output().unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?} failed\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

const CONFIG: &str = "\
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa1
[ tsa1 ]
dir = .
serial = ./serial
crypto_device = builtin
signer_cert = ./tsa.pem
certs = ./chain.pem
signer_key = ./tsa.key
signer_digest = SIGNER_DIGEST
default_policy = POLICY
other_policies = 1.2.3.4.5
digests = DIGESTS
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = ESS_ALG
";

pub struct Tsa {
    pub dir: PathBuf,
    /// The root certificate (PEM).
    pub ca: PathBuf,
    /// The TSA's certificate (PEM).
    pub cert: PathBuf,
    lock: Mutex<()>,
}

/// How the TSA signs.
pub struct Options<'a> {
    /// `openssl req -newkey` value: `rsa:2048`, `ec`…
    pub newkey: &'a str,
    /// Extra `-pkeyopt` for the key, e.g. `ec_paramgen_curve:P-384`.
    pub pkeyopt: Option<&'a str>,
    pub signer_digest: &'a str,
    /// Digests the TSA accepts in requests.
    pub digests: &'a str,
    /// `sha1` (signing-certificate v1) or `sha256` (v2).
    pub ess_alg: &'a str,
    /// The TSA certificate's serial number (`openssl x509 -set_serial`).
    pub serial: Option<&'a str>,
    /// Issue the TSA certificate from an intermediate CA under the root
    /// (and put both in the token).
    pub intermediate: bool,
    /// The TSA certificate's subject (`openssl req -subj`).
    pub subject: &'a str,
    /// The policy OID the TSA puts in its tokens.
    pub policy: &'a str,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            newkey: "rsa:2048",
            pkeyopt: None,
            signer_digest: "sha256",
            digests: "sha256, sha384, sha512",
            ess_alg: "sha256",
            serial: None,
            intermediate: false,
            subject: "/O=Test/CN=Test TSA",
            policy: "1.2.3.4.1",
        }
    }
}

impl Tsa {
    /// A new CA and TSA in `dir` (created).
    pub fn new(dir: &Path, opts: &Options) -> Tsa {
        std::fs::create_dir_all(dir).unwrap();
        let config = CONFIG
            .replace("SIGNER_DIGEST", opts.signer_digest)
            .replace("DIGESTS", opts.digests)
            .replace("ESS_ALG", opts.ess_alg)
            .replace("POLICY", opts.policy);
        std::fs::write(dir.join("tsa.cnf"), config).unwrap();
        std::fs::write(dir.join("serial"), "01\n").unwrap();
        run_openssl(
            dir,
            &[
                "req",
                "-x509",
                "-new",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "3650",
                "-subj",
                "/CN=Test Root CA",
                "-config",
                "tsa.cnf",
                "-extensions",
                "ca_ext",
            ],
        );
        let mut req = vec![
            "req",
            "-new",
            "-newkey",
            opts.newkey,
            "-nodes",
            "-keyout",
            "tsa.key",
            "-out",
            "tsa.csr",
            "-subj",
            opts.subject,
            "-config",
            "tsa.cnf",
        ];
        if let Some(p) = opts.pkeyopt {
            req.extend_from_slice(&["-pkeyopt", p]);
        }
        run_openssl(dir, &req);
        let issuer = if opts.intermediate {
            run_openssl(
                dir,
                &[
                    "req",
                    "-new",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    "inter.key",
                    "-out",
                    "inter.csr",
                    "-subj",
                    "/CN=Test Intermediate CA",
                    "-config",
                    "tsa.cnf",
                ],
            );
            run_openssl(
                dir,
                &[
                    "x509",
                    "-req",
                    "-in",
                    "inter.csr",
                    "-CA",
                    "ca.pem",
                    "-CAkey",
                    "ca.key",
                    "-CAcreateserial",
                    "-out",
                    "inter.pem",
                    "-days",
                    "3650",
                    "-extfile",
                    "tsa.cnf",
                    "-extensions",
                    "ca_ext",
                ],
            );
            "inter"
        } else {
            "ca"
        };
        let (ca_pem, ca_key) = (format!("{issuer}.pem"), format!("{issuer}.key"));
        let mut x509 = vec![
            "x509",
            "-req",
            "-in",
            "tsa.csr",
            "-CA",
            &ca_pem,
            "-CAkey",
            &ca_key,
            "-out",
            "tsa.pem",
            "-days",
            "3650",
            "-extfile",
            "tsa.cnf",
            "-extensions",
            "tsa_ext",
        ];
        match opts.serial {
            Some(s) => x509.extend_from_slice(&["-set_serial", s]),
            None => x509.push("-CAcreateserial"),
        }
        run_openssl(dir, &x509);
        let mut chain = std::fs::read(dir.join("tsa.pem")).unwrap();
        if opts.intermediate {
            chain.extend(std::fs::read(dir.join("inter.pem")).unwrap());
        }
        std::fs::write(dir.join("chain.pem"), chain).unwrap();
        Tsa {
            dir: dir.to_path_buf(),
            ca: dir.join("ca.pem"),
            cert: dir.join("tsa.pem"),
            lock: Mutex::new(()),
        }
    }

    /// The DER response to a DER request.
    pub fn reply(&self, tsq: &[u8]) -> Vec<u8> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        std::fs::write(self.dir.join("in.tsq"), tsq).unwrap();
        run_openssl(
            &self.dir,
            &[
                "ts",
                "-reply",
                "-queryfile",
                "in.tsq",
                "-config",
                "tsa.cnf",
                "-out",
                "out.tsr",
            ],
        );
        std::fs::read(self.dir.join("out.tsr")).unwrap()
    }

    /// Answers the request file `tsq` into the response file `tsr`.
    pub fn reply_file(&self, tsq: &Path, tsr: &Path) {
        let r = self.reply(&std::fs::read(tsq).unwrap());
        std::fs::write(tsr, r).unwrap();
    }

    /// `openssl ts -verify` with extra arguments; returns whether it said OK.
    pub fn openssl_verify(&self, cwd: &Path, args: &[&str]) -> (bool, String) {
        let out = openssl()
            .arg("ts")
            .arg("-verify")
            .args(args)
            .current_dir(cwd)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (
            out.status.success() && text.contains("Verification: OK"),
            text,
        )
    }

    /// Serves `requests` RFC 3161 requests over HTTP on 127.0.0.1; returns
    /// the URL. The server thread ends after that many, or after 60 s.
    pub fn serve(self: &std::sync::Arc<Self>, requests: usize) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/tsr", listener.local_addr().unwrap());
        let tsa = std::sync::Arc::clone(self);
        std::thread::spawn(move || {
            listener.set_nonblocking(true).unwrap();
            let deadline = std::time::Instant::now() + Duration::from_secs(60);
            let mut served = 0;
            while served < requests && std::time::Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        stream.set_nonblocking(false).unwrap();
                        stream
                            .set_read_timeout(Some(Duration::from_secs(10)))
                            .unwrap();
                        let _ = tsa.answer(stream);
                        served += 1;
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        url
    }

    fn answer(&self, stream: std::net::TcpStream) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut length = 0usize;
        let mut content_type = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap_or(0);
                }
                if k.eq_ignore_ascii_case("content-type") {
                    content_type = v.trim().to_string();
                }
            }
        }
        let mut body = vec![0u8; length.min(1 << 20)];
        reader.read_exact(&mut body)?;
        let mut stream = stream;
        if content_type != "application/timestamp-query" {
            stream.write_all(
                b"HTTP/1.1 415 Unsupported Media Type\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            )?;
            return Ok(());
        }
        let tsr = self.reply(&body);
        write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            tsr.len()
        )?;
        stream.write_all(&tsr)?;
        stream.flush()
    }
}

/// Minimal DER surgery on responses, to make tokens shaped like real
/// TSAs' (re-ordered attributes, other certificate kinds, other names):
/// elements are raw TLV bytes; single-byte tags only.
pub mod der {
    /// The tag, the content and the total length of the element at the
    /// start of `bytes`.
    pub fn split(bytes: &[u8]) -> (u8, &[u8], usize) {
        let tag = bytes[0];
        let (len, head) = match bytes[1] {
            n if n < 0x80 => (n as usize, 2),
            n => {
                let k = (n & 0x7f) as usize;
                let len = bytes[2..2 + k]
                    .iter()
                    .fold(0usize, |a, &b| (a << 8) | b as usize);
                (len, 2 + k)
            }
        };
        (tag, &bytes[head..head + len], head + len)
    }

    /// The elements one after another in `content`.
    pub fn children(mut content: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        while !content.is_empty() {
            let (_, _, total) = split(content);
            out.push(content[..total].to_vec());
            content = &content[total..];
        }
        out
    }

    pub fn encode(tag: u8, content: &[u8]) -> Vec<u8> {
        let n = content.len();
        let mut out = vec![tag];
        if n < 0x80 {
            out.push(n as u8);
        } else {
            let bytes: Vec<u8> = n
                .to_be_bytes()
                .into_iter()
                .skip_while(|b| *b == 0)
                .collect();
            out.push(0x80 | bytes.len() as u8);
            out.extend(bytes);
        }
        out.extend_from_slice(content);
        out
    }

    /// The element at `path` (indexes of children, from `el` down).
    pub fn get(el: &[u8], path: &[usize]) -> Vec<u8> {
        match path.split_first() {
            None => el.to_vec(),
            Some((i, rest)) => get(&children(split(el).1)[*i], rest),
        }
    }

    /// `el` with the element at `path` replaced by `f` of it.
    pub fn edit(el: &[u8], path: &[usize], f: &mut dyn FnMut(&[u8]) -> Vec<u8>) -> Vec<u8> {
        match path.split_first() {
            None => f(el),
            Some((i, rest)) => {
                let (tag, content, _) = split(el);
                let mut kids = children(content);
                kids[*i] = edit(&kids[*i], rest, f);
                encode(tag, &kids.concat())
            }
        }
    }

    /// In a `TimeStampResp`: the `SignedData`.
    pub const SIGNED_DATA: [usize; 3] = [1, 1, 0];
    /// In a `TimeStampResp`: the DER `TSTInfo`.
    pub const TST_INFO: [usize; 7] = [1, 1, 0, 2, 1, 0, 0];

    /// The path of the (one) `SignerInfo` of a response.
    pub fn signer_info(resp: &[u8]) -> Vec<usize> {
        let last = children(split(&get(resp, &SIGNED_DATA)).1).len() - 1;
        vec![1, 1, 0, last, 0]
    }

    const MESSAGE_DIGEST: &[u8] = &[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x04,
    ];

    /// Signs again as the TSA would (RSA PKCS #1 v1.5, SHA-256, with the
    /// key in `tsa_dir`): the message digest of the (edited) TSTInfo, the
    /// signed attributes put in the order `order` gives, and the signature
    /// computed over `signed(attributes)` — the attributes as sent unless
    /// the caller signs something else.
    pub fn resign(
        resp: &[u8],
        tsa_dir: &std::path::Path,
        order: &dyn Fn(&mut Vec<Vec<u8>>),
        signed: &dyn Fn(&[Vec<u8>]) -> Vec<u8>,
    ) -> Vec<u8> {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(get(resp, &TST_INFO));
        let si = signer_info(resp);
        let info = get(resp, &si);
        let kids = children(split(&info).1);
        let at = kids.iter().position(|k| k[0] == 0xa0).unwrap();
        let mut attrs = children(split(&kids[at]).1);
        for a in attrs.iter_mut() {
            if a[2..].starts_with(MESSAGE_DIGEST) {
                let value = encode(0x31, &encode(0x04, &digest));
                *a = encode(0x30, &[MESSAGE_DIGEST, &value].concat());
            }
        }
        order(&mut attrs);
        let to_sign = signed(&attrs);
        std::fs::write(tsa_dir.join("to-sign.der"), &to_sign).unwrap();
        super::run_openssl(
            tsa_dir,
            &[
                "dgst",
                "-sha256",
                "-sign",
                "tsa.key",
                "-out",
                "sig.bin",
                "to-sign.der",
            ],
        );
        let sig = std::fs::read(tsa_dir.join("sig.bin")).unwrap();
        edit(resp, &si, &mut |info| {
            let mut kids = children(split(info).1);
            kids[at] = encode(0xa0, &attrs.concat());
            let s = kids.iter().position(|k| k[0] == 0x04).unwrap();
            kids[s] = encode(0x04, &sig);
            encode(0x30, &kids.concat())
        })
    }

    /// The signed attributes as the `SET OF` that is signed.
    pub fn as_set(attrs: &[Vec<u8>]) -> Vec<u8> {
        encode(0x31, &attrs.concat())
    }
}
