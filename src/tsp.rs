//! RFC 3161 timestamps, offline: building a request, and reading and
//! checking a timestamp authority's (TSA's) response.
//!
//! What kiroku stamps is the SHA-256 of a receipt text (the receipt line and
//! a newline, see [`crate::receipt`]), so that `openssl ts -verify -data
//! head.tsq.txt` checks the same thing without kiroku.
//!
//! Checking a response ([`parse_response`]):
//!
//! 1. it is a DER `TimeStampResp` and its status is granted;
//! 2. the token is CMS `SignedData` holding a `TSTInfo`;
//! 3. the one signer's certificate is in the token (found by issuer and
//!    serial number, or by subject key identifier) and allows time stamping
//!    (extendedKeyUsage `timeStamping`);
//! 4. the signed attributes name `TSTInfo` as content type, their message
//!    digest equals the digest of the `TSTInfo`, and the ESS
//!    signing-certificate attribute names that certificate;
//! 5. the signature over the DER `SET OF` signed attributes verifies with
//!    the certificate's key (RSA PKCS #1 v1.5, RSA-PSS, ECDSA P-256/P-384;
//!    SHA-256/384/512).
//!
//! Whether the certificate itself is trustworthy is a separate question
//! ([`check_chain`], given the TSA's root certificate).

use const_oid::ObjectIdentifier;
use der::asn1::BitString;
use der::asn1::{Int, OctetString, SetOfVec};
use der::referenced::OwnedToRef;
use der::{Any, Decode, Encode, Reader, Sequence, Tag, TagNumber, Tagged};
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{ExtendedKeyUsage, SubjectKeyIdentifier};
use x509_cert::ext::Extensions;
use x509_cert::Certificate;
use x509_tsp::{MessageImprint, TimeStampReq, TspVersion};

use crate::chain::hex;
use crate::error::{Error, Result};

mod oid {
    use const_oid::ObjectIdentifier as O;
    pub const SHA1: O = O::new_unwrap("1.3.14.3.2.26");
    pub const SHA256: O = O::new_unwrap("2.16.840.1.101.3.4.2.1");
    pub const SHA384: O = O::new_unwrap("2.16.840.1.101.3.4.2.2");
    pub const SHA512: O = O::new_unwrap("2.16.840.1.101.3.4.2.3");
    pub const SIGNED_DATA: O = O::new_unwrap("1.2.840.113549.1.7.2");
    pub const TST_INFO: O = O::new_unwrap("1.2.840.113549.1.9.16.1.4");
    pub const CONTENT_TYPE: O = O::new_unwrap("1.2.840.113549.1.9.3");
    pub const MESSAGE_DIGEST: O = O::new_unwrap("1.2.840.113549.1.9.4");
    pub const SIGNING_CERTIFICATE: O = O::new_unwrap("1.2.840.113549.1.9.16.2.12");
    pub const SIGNING_CERTIFICATE_V2: O = O::new_unwrap("1.2.840.113549.1.9.16.2.47");
    pub const RSA: O = O::new_unwrap("1.2.840.113549.1.1.1");
    pub const RSA_SHA256: O = O::new_unwrap("1.2.840.113549.1.1.11");
    pub const RSA_SHA384: O = O::new_unwrap("1.2.840.113549.1.1.12");
    pub const RSA_SHA512: O = O::new_unwrap("1.2.840.113549.1.1.13");
    pub const RSA_PSS: O = O::new_unwrap("1.2.840.113549.1.1.10");
    pub const MGF1: O = O::new_unwrap("1.2.840.113549.1.1.8");
    pub const EC_PUBLIC_KEY: O = O::new_unwrap("1.2.840.10045.2.1");
    pub const P256: O = O::new_unwrap("1.2.840.10045.3.1.7");
    pub const P384: O = O::new_unwrap("1.3.132.0.34");
    pub const ECDSA_SHA256: O = O::new_unwrap("1.2.840.10045.4.3.2");
    pub const ECDSA_SHA384: O = O::new_unwrap("1.2.840.10045.4.3.3");
    pub const ECDSA_SHA512: O = O::new_unwrap("1.2.840.10045.4.3.4");
    pub const EKU_TIME_STAMPING: O = O::new_unwrap("1.3.6.1.5.5.7.3.8");
    pub const EXT_EKU: O = O::new_unwrap("2.5.29.37");
    pub const EXT_SKI: O = O::new_unwrap("2.5.29.14");
    pub const EXT_BASIC_CONSTRAINTS: O = O::new_unwrap("2.5.29.19");
    pub const EXT_SAN: O = O::new_unwrap("2.5.29.17");
}

/// `TSTInfo` as in RFC 3161, with `genTime` kept as it was sent: the
/// `der` crate's `GeneralizedTime` refuses fractional seconds, which
/// RFC 3161 allows and some TSAs send.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct TstInfo {
    version: TspVersion,
    /// Kept as sent: `const-oid` refuses valid short OIDs such as `1.1.2`.
    policy: Any,
    message_imprint: MessageImprint,
    serial_number: Int,
    gen_time: Any,
    #[asn1(optional = "true")]
    accuracy: Option<Any>,
    #[asn1(default = "Default::default")]
    ordering: bool,
    #[asn1(optional = "true")]
    nonce: Option<Int>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    tsa: Option<GeneralName>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    extensions: Option<Extensions>,
}

/// CMS `SignedData` as in RFC 5652, but taking the certificates and CRLs
/// as a plain list: TSAs (OpenSSL among them) may put the signer's
/// certificate in twice, which a strict DER `SET OF` refuses; and the set
/// may hold other kinds of certificate (attribute certificates), which are
/// skipped.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct SignedData {
    version: cms::content_info::CmsVersion,
    digest_algorithms: SetOfVec<AlgorithmIdentifierOwned>,
    encap_content_info: cms::signed_data::EncapsulatedContentInfo,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    certificates: Option<Vec<Any>>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    crls: Option<Vec<Any>>,
    signer_infos: cms::signed_data::SignerInfos,
}

/// `ESSCertID` (RFC 2634): SHA-1 of the signing certificate.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct EssCertId {
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<Any>,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct SigningCertificate {
    certs: Vec<EssCertId>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

/// `ESSCertIDv2` (RFC 5035): the hash algorithm defaults to SHA-256.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<Any>,
}

#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

/// `PKIStatusInfo` (RFC 3161 section 2.4.2), read by hand: every status
/// number and every failure bit is kept, known to kiroku or not.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct PkiStatusInfo {
    status: u32,
    #[asn1(optional = "true")]
    status_string: Option<Vec<Any>>,
    #[asn1(optional = "true")]
    fail_info: Option<BitString>,
}

/// `TimeStampResp` (RFC 3161 section 2.4.2).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct TimeStampResp {
    status: PkiStatusInfo,
    #[asn1(optional = "true")]
    time_stamp_token: Option<cms::content_info::ContentInfo>,
}

/// What kiroku needs from a request it made (or any SHA-256 request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The SHA-256 value to be stamped.
    pub imprint: Vec<u8>,
    /// The nonce as the bytes of a DER INTEGER (empty when absent).
    pub nonce: Vec<u8>,
}

/// A checked timestamp token, with what kiroku shows and records.
#[derive(Debug, Clone)]
pub struct Token {
    /// The TSA's time, UTC, as RFC 3339 (`2026-11-21T01:02:03Z`, with a
    /// fraction of a second when the TSA sent one).
    pub gen_time: String,
    /// The TSA's name: the `tsa` field of the token, else the signer
    /// certificate's subject.
    pub tsa: String,
    /// The token's serial number, lower-case hex.
    pub serial: String,
    pub policy: String,
    pub imprint_algorithm: ObjectIdentifier,
    pub imprint: Vec<u8>,
    pub nonce: Vec<u8>,
    /// The certificate the token was signed with.
    pub signer: Certificate,
    /// Every certificate in the token (the signer's included).
    pub certs: Vec<Certificate>,
    /// The signed attributes were not in DER order as sent; the signature
    /// was checked over them as sent (as OpenSSL does), and verifies.
    pub attributes_not_der: bool,
}

/// Why a response is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It is not a DER `TimeStampResp` at all.
    NotResponse,
    /// The TSA did not grant a timestamp: the status in words.
    NotGranted(String),
    /// The token does not verify: the reason, as a sentence.
    Invalid(String),
}

impl Refusal {
    /// The reason alone, as one sentence.
    pub fn reason(&self) -> String {
        match self {
            Refusal::NotResponse => crate::t!("timestamp-not-a-response"),
            Refusal::NotGranted(s) | Refusal::Invalid(s) => s.clone(),
        }
    }
}

fn bad_token(why: impl std::fmt::Display) -> Error {
    Error::usage(crate::t!(
        "timestamp-token-invalid",
        reason = why.to_string()
    ))
    .with_hint(crate::t!("timestamp-token-invalid-hint"))
}

/// A random nonce: 8 bytes, positive and minimally encoded as an INTEGER.
pub fn random_nonce() -> Result<[u8; 8]> {
    let mut n = [0u8; 8];
    getrandom::fill(&mut n)
        .map_err(|e| Error::io(crate::t!("timestamp-no-random", reason = e.to_string())))?;
    n[0] = (n[0] & 0x7f) | 0x40;
    Ok(n)
}

fn sha256_algorithm() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: oid::SHA256,
        parameters: Some(Any::null()),
    }
}

/// A DER `TimeStampReq`: version 1, SHA-256 imprint, the nonce, and
/// `certReq` true (the TSA puts its certificate in the token).
pub fn make_request(imprint: &[u8; 32], nonce: &[u8]) -> Result<Vec<u8>> {
    let req = TimeStampReq {
        version: TspVersion::V1,
        message_imprint: MessageImprint {
            hash_algorithm: sha256_algorithm(),
            hashed_message: OctetString::new(imprint.to_vec())
                .map_err(|e| Error::internal(format!("timestamp request: {e}")))?,
        },
        req_policy: None,
        nonce: Some(
            Int::new(nonce).map_err(|e| Error::internal(format!("timestamp request: {e}")))?,
        ),
        cert_req: true,
        extensions: None,
    };
    req.to_der()
        .map_err(|e| Error::internal(format!("timestamp request: {e}")))
}

/// Reads a DER `TimeStampReq` (SHA-256 imprints only).
pub fn parse_request(der: &[u8]) -> Result<Request> {
    let bad = |why: String| {
        Error::usage(crate::t!("timestamp-request-invalid", reason = why))
            .with_hint(crate::t!("timestamp-request-invalid-hint"))
    };
    let req = TimeStampReq::from_der(der).map_err(|e| {
        bad(crate::t!(
            "timestamp-request-not-tsq-der",
            reason = e.to_string()
        ))
    })?;
    if req.message_imprint.hash_algorithm.oid != oid::SHA256 {
        return Err(bad(crate::t!(
            "timestamp-request-not-sha256",
            digest = digest_name(&req.message_imprint.hash_algorithm.oid)
        )));
    }
    let imprint = req.message_imprint.hashed_message.as_bytes().to_vec();
    if imprint.len() != 32 {
        return Err(bad(crate::t!("timestamp-request-bad-length")));
    }
    Ok(Request {
        imprint,
        nonce: req.nonce.map(|n| n.as_bytes().to_vec()).unwrap_or_default(),
    })
}

fn digest_name(oid: &ObjectIdentifier) -> String {
    match *oid {
        oid::SHA1 => "SHA-1".into(),
        oid::SHA256 => "SHA-256".into(),
        oid::SHA384 => "SHA-384".into(),
        oid::SHA512 => "SHA-512".into(),
        _ => crate::t!("timestamp-digest-unknown", oid = oid.to_string()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn of(oid: &ObjectIdentifier) -> Result<Hash, String> {
        match *oid {
            oid::SHA256 => Ok(Hash::Sha256),
            oid::SHA384 => Ok(Hash::Sha384),
            oid::SHA512 => Ok(Hash::Sha512),
            oid::SHA1 => Err(crate::t!("timestamp-reason-sha1")),
            other => Err(crate::t!(
                "timestamp-reason-unknown-hash",
                oid = other.to_string()
            )),
        }
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(data).to_vec(),
            Hash::Sha384 => Sha384::digest(data).to_vec(),
            Hash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }
}

/// Formats a DER GeneralizedTime value (`YYYYMMDDHHMMSS[.f]Z`) as RFC 3339.
fn gen_time_text(any: &Any) -> Result<String, String> {
    if any.tag() != Tag::GeneralizedTime {
        return Err(crate::t!("timestamp-reason-time-not-generalized"));
    }
    let text = std::str::from_utf8(any.value())
        .map_err(|_| crate::t!("timestamp-reason-time-unreadable"))?;
    let bad = || {
        crate::t!(
            "timestamp-reason-time-invalid",
            time = text.escape_debug().to_string()
        )
    };
    let body = text.strip_suffix('Z').ok_or_else(bad)?;
    let (whole, frac) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if whole.len() != 14 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    if let Some(f) = frac {
        // DER: digits, no trailing zero.
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) || f.ends_with('0') {
            return Err(bad());
        }
    }
    let t = chrono::NaiveDateTime::parse_from_str(whole, "%Y%m%d%H%M%S").map_err(|_| bad())?;
    let mut s = t.format("%Y-%m-%dT%H:%M:%S").to_string();
    if let Some(f) = frac {
        s.push('.');
        s.push_str(f);
    }
    s.push('Z');
    Ok(s)
}

/// The dotted text of an OBJECT IDENTIFIER's content octets: any valid
/// OID, however short (`1.1.2`). `None` when the octets are not one.
fn oid_text(bytes: &[u8]) -> Option<String> {
    let mut arcs: Vec<u128> = Vec::new();
    let mut cur: u128 = 0;
    let mut fresh = true;
    for &b in bytes {
        if fresh && b == 0x80 {
            return None; // a leading zero: not DER
        }
        cur = cur.checked_mul(128)? | u128::from(b & 0x7f);
        fresh = b & 0x80 == 0;
        if fresh {
            arcs.push(cur);
            cur = 0;
        }
    }
    if !fresh || arcs.is_empty() {
        return None;
    }
    let first = arcs[0];
    let (a, b) = match first {
        0..=39 => (0, first),
        40..=79 => (1, first - 40),
        _ => (2, first - 80),
    };
    let mut text = format!("{a}.{b}");
    for arc in &arcs[1..] {
        text.push_str(&format!(".{arc}"));
    }
    Some(text)
}

/// The short name of a common attribute type in a distinguished name.
fn attribute_name(id: &ObjectIdentifier) -> Option<&'static str> {
    Some(match id.to_string().as_str() {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.13" => "description",
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "2.5.4.42" => "givenName",
        "2.5.4.43" => "initials",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL",
        "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST",
        "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC",
        _ => return None,
    })
}

/// A directory string as text, read leniently: real CAs put characters
/// such as `_` in PrintableStrings, which a strict reader refuses.
fn directory_string(value: &Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String => String::from_utf8(bytes.to_vec()).ok(),
        Tag::PrintableString | Tag::Ia5String | Tag::VisibleString | Tag::NumericString => bytes
            .is_ascii()
            .then(|| String::from_utf8_lossy(bytes).into_owned()),
        // T.61 in theory; Latin-1 in practice.
        Tag::TeletexString => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString if bytes.len() % 2 == 0 => {
            char::decode_utf16(bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])))
                .collect::<Result<String, _>>()
                .ok()
        }
        // UniversalString, which `der` does not name.
        Tag::Application { .. } | Tag::ContextSpecific { .. } | Tag::Private { .. } => None,
        t if u8::from(t) == 0x1c && bytes.len() % 4 == 0 => bytes
            .chunks(4)
            .map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
            .collect(),
        _ => None,
    }
}

/// A distinguished name as text, most specific part first (RFC 4514):
/// `CN=…,O=…,C=…`. Common attribute types by name, their values as text;
/// anything else as the OID and the value's DER in hex.
pub fn name_text(name: &x509_cert::name::Name) -> String {
    let mut parts = Vec::new();
    for rdn in name.0.iter().rev() {
        let atvs: Vec<String> = rdn
            .0
            .iter()
            .map(
                |atv| match (attribute_name(&atv.oid), directory_string(&atv.value)) {
                    (name, Some(value)) => {
                        let key = name.map_or_else(|| atv.oid.to_string(), str::to_string);
                        format!("{key}={}", escape_dn_value(&value))
                    }
                    (_, None) => {
                        let der = atv.value.to_der().unwrap_or_default();
                        format!("{}=#{}", atv.oid, hex(&der))
                    }
                },
            )
            .collect();
        parts.push(atvs.join("+"));
    }
    parts.join(",")
}

/// RFC 4514 escaping of an attribute value.
fn escape_dn_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\x00'..='\x1f' | '\x7f' => out.push_str(&format!("\\{:02x}", c as u8)),
            _ => out.push(c),
        }
    }
    out
}

fn general_name_text(n: &GeneralName) -> String {
    match n {
        GeneralName::DirectoryName(name) => name_text(name),
        GeneralName::DnsName(s) => s.to_string(),
        GeneralName::Rfc822Name(s) => s.to_string(),
        GeneralName::UniformResourceIdentifier(s) => s.to_string(),
        other => format!("#{}", hex(&other.to_der().unwrap_or_default())),
    }
}

fn extension(cert: &Certificate, id: ObjectIdentifier) -> Option<&[u8]> {
    cert.tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id == id)
        .map(|e| e.extn_value.as_bytes())
}

/// Whether the certificate may sign timestamps (extendedKeyUsage names
/// `timeStamping`; RFC 3161 requires it, and critical).
fn allows_time_stamping(cert: &Certificate) -> bool {
    extension(cert, oid::EXT_EKU)
        .and_then(|v| ExtendedKeyUsage::from_der(v).ok())
        .is_some_and(|eku| eku.0.contains(&oid::EKU_TIME_STAMPING))
}

fn subject_key_id(cert: &Certificate) -> Option<Vec<u8>> {
    extension(cert, oid::EXT_SKI)
        .and_then(|v| SubjectKeyIdentifier::from_der(v).ok())
        .map(|s| s.0.as_bytes().to_vec())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Rsa,
    RsaPss,
    Ecdsa,
}

/// The kind of key a signature algorithm needs, and the hash it names
/// (`None`: plain `rsaEncryption` or `id-ecPublicKey`, hashed with the
/// digest algorithm; RSA-PSS names it in its parameters).
fn scheme_of(id: &ObjectIdentifier) -> Option<(Family, Option<Hash>)> {
    Some(match *id {
        oid::RSA => (Family::Rsa, None),
        oid::RSA_SHA256 => (Family::Rsa, Some(Hash::Sha256)),
        oid::RSA_SHA384 => (Family::Rsa, Some(Hash::Sha384)),
        oid::RSA_SHA512 => (Family::Rsa, Some(Hash::Sha512)),
        oid::RSA_PSS => (Family::RsaPss, None),
        oid::EC_PUBLIC_KEY => (Family::Ecdsa, None),
        oid::ECDSA_SHA256 => (Family::Ecdsa, Some(Hash::Sha256)),
        oid::ECDSA_SHA384 => (Family::Ecdsa, Some(Hash::Sha384)),
        oid::ECDSA_SHA512 => (Family::Ecdsa, Some(Hash::Sha512)),
        _ => return None,
    })
}

/// The hash and salt length of RSA-PSS parameters (MGF1 with that hash).
fn pss_hash(sig_alg: &AlgorithmIdentifierOwned) -> Result<(Hash, usize), String> {
    let params = sig_alg
        .parameters
        .as_ref()
        .ok_or_else(|| crate::t!("timestamp-reason-pss-params-missing"))?
        .to_der()
        .map_err(|e| e.to_string())?;
    let params = rsa::pkcs1::RsaPssParams::from_der(&params).map_err(|e| {
        crate::t!(
            "timestamp-reason-pss-params-unreadable",
            reason = e.to_string()
        )
    })?;
    let hash = Hash::of(&params.hash.oid)?;
    let mgf_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .map(|p| p.oid)
        .ok_or_else(|| crate::t!("timestamp-reason-pss-mask-missing"))?;
    if params.mask_gen.oid != oid::MGF1 || Hash::of(&mgf_hash)? != hash {
        return Err(crate::t!("timestamp-reason-pss-mask-other"));
    }
    Ok((hash, params.salt_len as usize))
}

/// Verifies `signature` over `message` with a public key.
/// `sig_alg` is the signature algorithm; `digest` the digest algorithm to
/// use when `sig_alg` does not name one (plain `rsaEncryption`).
fn verify_signature(
    key: &SubjectPublicKeyInfoOwned,
    sig_alg: &AlgorithmIdentifierOwned,
    digest: Option<&ObjectIdentifier>,
    message: &[u8],
    signature: &[u8],
) -> Result<(), String> {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    let failed = || crate::t!("timestamp-reason-signature");
    let key_alg = key.algorithm.oid;
    let (family, named) = scheme_of(&sig_alg.oid).ok_or_else(|| {
        crate::t!(
            "timestamp-reason-unknown-signature",
            oid = sig_alg.oid.to_string()
        )
    })?;
    let hash = match named {
        Some(h) => h,
        None if family == Family::RsaPss => pss_hash(sig_alg)?.0,
        None => Hash::of(digest.ok_or_else(|| crate::t!("timestamp-reason-no-digest"))?)?,
    };
    let hashed = hash.digest(message);
    match family {
        Family::Rsa | Family::RsaPss => {
            if key_alg != oid::RSA && !(family == Family::RsaPss && key_alg == oid::RSA_PSS) {
                return Err(crate::t!("timestamp-reason-not-rsa-key"));
            }
            let mut spki = key.clone();
            spki.algorithm = AlgorithmIdentifierOwned {
                oid: oid::RSA,
                parameters: Some(Any::null()),
            };
            let pk = rsa::RsaPublicKey::try_from(spki.owned_to_ref())
                .map_err(|e| crate::t!("timestamp-reason-rsa-key", reason = e.to_string()))?;
            let ok = if family == Family::Rsa {
                let scheme = match hash {
                    Hash::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                    Hash::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                    Hash::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
                };
                pk.verify(scheme, &hashed, signature)
            } else {
                let salt = pss_hash(sig_alg)?.1;
                let scheme = match hash {
                    Hash::Sha256 => rsa::Pss::new_with_salt::<Sha256>(salt),
                    Hash::Sha384 => rsa::Pss::new_with_salt::<Sha384>(salt),
                    Hash::Sha512 => rsa::Pss::new_with_salt::<Sha512>(salt),
                };
                pk.verify(scheme, &hashed, signature)
            };
            ok.map_err(|_| failed())
        }
        Family::Ecdsa => {
            if key_alg != oid::EC_PUBLIC_KEY {
                return Err(crate::t!("timestamp-reason-not-ec-key"));
            }
            let curve = key
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .ok_or_else(|| crate::t!("timestamp-reason-no-curve"))?;
            let point = key.subject_public_key.raw_bytes();
            let prehash = hashed;
            match curve {
                oid::P256 => {
                    let vk = p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                        .map_err(|_| crate::t!("timestamp-reason-p256-key"))?;
                    let sig = p256::ecdsa::Signature::from_der(signature).map_err(|_| failed())?;
                    vk.verify_prehash(&prehash, &sig).map_err(|_| failed())
                }
                oid::P384 => {
                    let vk = p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                        .map_err(|_| crate::t!("timestamp-reason-p384-key"))?;
                    let sig = p384::ecdsa::Signature::from_der(signature).map_err(|_| failed())?;
                    vk.verify_prehash(&prehash, &sig).map_err(|_| failed())
                }
                other => Err(crate::t!(
                    "timestamp-reason-unknown-curve",
                    oid = other.to_string()
                )),
            }
        }
    }
}

/// The single value of a signed attribute; an error when it is missing or
/// repeated.
fn attribute<'a>(
    attrs: &'a SetOfVec<x509_cert::attr::Attribute>,
    id: ObjectIdentifier,
    name: &str,
) -> Result<Option<&'a Any>, String> {
    let mut found = attrs.iter().filter(|a| a.oid == id);
    let Some(a) = found.next() else {
        return Ok(None);
    };
    if found.next().is_some() || a.values.len() != 1 {
        return Err(crate::t!(
            "timestamp-reason-attribute-repeated",
            name = name
        ));
    }
    Ok(a.values.iter().next())
}

/// Reads and checks a DER `TimeStampResp` (see the module documentation).
/// Does not compare it with a request; see [`check_matches`].
pub fn parse_response(der: &[u8]) -> Result<Token> {
    read_response(der).map_err(|r| match r {
        Refusal::NotResponse => Error::usage(crate::t!("timestamp-not-a-response"))
            .with_hint(crate::t!("timestamp-not-a-response-hint")),
        Refusal::NotGranted(why) => {
            Error::usage(why).with_hint(crate::t!("timestamp-not-granted-hint"))
        }
        Refusal::Invalid(why) => bad_token(why),
    })
}

/// [`parse_response`], telling why a response is refused.
pub fn read_response(der: &[u8]) -> Result<Token, Refusal> {
    let resp = TimeStampResp::from_der(der).map_err(|_| Refusal::NotResponse)?;
    if resp.status.status > 1 {
        return Err(Refusal::NotGranted(status_text(&resp.status)));
    }
    let token = resp
        .time_stamp_token
        .ok_or_else(|| Refusal::Invalid(crate::t!("timestamp-invalid-no-token")))?;
    check_token(&token).map_err(Refusal::Invalid)
}

/// A status that is not granted, in words: the status, the TSA's own text,
/// and every failure reason.
fn status_text(info: &PkiStatusInfo) -> String {
    let status = match info.status {
        2 => crate::t!("timestamp-status-rejection"),
        3 => crate::t!("timestamp-status-waiting"),
        4 => crate::t!("timestamp-status-revocation-warning"),
        5 => crate::t!("timestamp-status-revocation-notification"),
        n => crate::t!("timestamp-status-unknown", number = n),
    };
    let said: Vec<String> = info
        .status_string
        .iter()
        .flatten()
        .filter_map(directory_string)
        .map(|t| crate::sanitize::one_line(&t).into_owned())
        .collect();
    let reasons: Vec<String> = info
        .fail_info
        .as_ref()
        .map(failure_bits)
        .unwrap_or_default()
        .into_iter()
        .map(failure_text)
        .collect();
    let mut text = crate::t!("timestamp-not-granted", status = status);
    if !said.is_empty() {
        text.push_str(&crate::t!(
            "timestamp-not-granted-said",
            text = said.join(" ")
        ));
    }
    if !reasons.is_empty() {
        text.push_str(&crate::t!(
            "timestamp-not-granted-reasons",
            reasons = reasons.join("; ")
        ));
    }
    text
}

/// The numbers of the bits set in a `PKIFailureInfo` (bit 0 is the first,
/// most significant bit, as ASN.1 numbers named bits).
fn failure_bits(bits: &BitString) -> Vec<usize> {
    let bytes = bits.raw_bytes();
    (0..bits.bit_len())
        .filter(|n| bytes[n / 8] & (0x80 >> (n % 8)) != 0)
        .collect()
}

/// A failure reason in words (RFC 3161 section 2.4.2; RFC 4210 for the
/// numbers RFC 3161 does not use), with its ASN.1 name.
fn failure_text(bit: usize) -> String {
    let (name, words) = match bit {
        0 => ("badAlg", crate::t!("timestamp-failure-bad-alg")),
        1 => (
            "badMessageCheck",
            crate::t!("timestamp-failure-bad-message-check"),
        ),
        2 => ("badRequest", crate::t!("timestamp-failure-bad-request")),
        3 => ("badTime", crate::t!("timestamp-failure-bad-time")),
        4 => ("badCertId", crate::t!("timestamp-failure-bad-cert-id")),
        5 => (
            "badDataFormat",
            crate::t!("timestamp-failure-bad-data-format"),
        ),
        6 => (
            "wrongAuthority",
            crate::t!("timestamp-failure-wrong-authority"),
        ),
        7 => (
            "incorrectData",
            crate::t!("timestamp-failure-incorrect-data"),
        ),
        8 => (
            "missingTimeStamp",
            crate::t!("timestamp-failure-missing-time-stamp"),
        ),
        9 => ("badPOP", crate::t!("timestamp-failure-bad-pop")),
        10 => ("certRevoked", crate::t!("timestamp-failure-cert-revoked")),
        11 => (
            "certConfirmed",
            crate::t!("timestamp-failure-cert-confirmed"),
        ),
        12 => (
            "wrongIntegrity",
            crate::t!("timestamp-failure-wrong-integrity"),
        ),
        13 => (
            "badRecipientNonce",
            crate::t!("timestamp-failure-bad-recipient-nonce"),
        ),
        14 => (
            "timeNotAvailable",
            crate::t!("timestamp-failure-time-not-available"),
        ),
        15 => (
            "unacceptedPolicy",
            crate::t!("timestamp-failure-unaccepted-policy"),
        ),
        16 => (
            "unacceptedExtension",
            crate::t!("timestamp-failure-unaccepted-extension"),
        ),
        17 => (
            "addInfoNotAvailable",
            crate::t!("timestamp-failure-add-info-not-available"),
        ),
        18 => (
            "badSenderNonce",
            crate::t!("timestamp-failure-bad-sender-nonce"),
        ),
        19 => (
            "badCertTemplate",
            crate::t!("timestamp-failure-bad-cert-template"),
        ),
        20 => (
            "signerNotTrusted",
            crate::t!("timestamp-failure-signer-not-trusted"),
        ),
        21 => (
            "transactionIdInUse",
            crate::t!("timestamp-failure-transaction-id-in-use"),
        ),
        22 => (
            "unsupportedVersion",
            crate::t!("timestamp-failure-unsupported-version"),
        ),
        23 => (
            "notAuthorized",
            crate::t!("timestamp-failure-not-authorized"),
        ),
        24 => (
            "systemUnavail",
            crate::t!("timestamp-failure-system-unavail"),
        ),
        25 => (
            "systemFailure",
            crate::t!("timestamp-failure-system-failure"),
        ),
        26 => (
            "duplicateCertReq",
            crate::t!("timestamp-failure-duplicate-cert-req"),
        ),
        n => return crate::t!("timestamp-failure-unknown", number = n),
    };
    crate::t!("timestamp-failure-named", words = words, name = name)
}

/// The signed attributes exactly as the TSA sent them, tagged as the
/// `SET OF` that is signed (RFC 5652 section 5.4). Not decoded and encoded
/// again: decoding sorts a `SET OF`, and a TSA that sent (and signed) its
/// attributes in another order would then seem to have a bad signature.
fn signed_attrs_as_sent(signed_data: &Any) -> Result<Vec<u8>, String> {
    fn items(any: &Any) -> der::Result<Vec<Any>> {
        let mut r = der::SliceReader::new(any.value())?;
        let mut v = Vec::new();
        while !r.is_finished() {
            v.push(Any::decode(&mut r)?);
        }
        Ok(v)
    }
    let unreadable = |_: der::Error| crate::t!("timestamp-invalid-attributes-unreadable");
    let missing = || crate::t!("timestamp-invalid-attributes-unreadable");
    let fields = items(signed_data).map_err(unreadable)?;
    let infos = fields.last().ok_or_else(missing)?;
    let first = items(infos)
        .map_err(unreadable)?
        .into_iter()
        .next()
        .ok_or_else(missing)?;
    let attrs_tag = Tag::ContextSpecific {
        constructed: true,
        number: TagNumber::N0,
    };
    let attrs = items(&first)
        .map_err(unreadable)?
        .into_iter()
        .find(|a| a.tag() == attrs_tag)
        .ok_or_else(missing)?;
    Any::new(Tag::Set, attrs.value())
        .and_then(|a| a.to_der())
        .map_err(unreadable)
}

fn check_token(token: &cms::content_info::ContentInfo) -> Result<Token, String> {
    if token.content_type != oid::SIGNED_DATA {
        return Err(crate::t!("timestamp-reason-not-signed-data"));
    }
    let sd: SignedData = token.content.decode_as().map_err(|e| {
        crate::t!(
            "timestamp-reason-signed-data-unreadable",
            reason = e.to_string()
        )
    })?;
    let encap = &sd.encap_content_info;
    if encap.econtent_type != oid::TST_INFO {
        return Err(crate::t!("timestamp-reason-no-tstinfo"));
    }
    let econtent = encap
        .econtent
        .as_ref()
        .ok_or_else(|| crate::t!("timestamp-reason-tstinfo-missing"))?;
    let tst_der = econtent
        .decode_as::<OctetString>()
        .map_err(|_| crate::t!("timestamp-reason-tstinfo-not-octets"))?;
    let tst_der = tst_der.as_bytes();
    let tst = TstInfo::from_der(tst_der).map_err(|e| {
        crate::t!(
            "timestamp-reason-tstinfo-unreadable",
            reason = e.to_string()
        )
    })?;
    let gen_time = gen_time_text(&tst.gen_time)?;

    // X.509 certificates are plain SEQUENCEs; the other choices (attribute
    // certificates, "other" formats) are tagged, and are skipped.
    let mut certs: Vec<Certificate> = Vec::new();
    for c in sd.certificates.iter().flatten() {
        if c.tag() == Tag::Sequence {
            certs.push(
                c.decode_as().map_err(|e| {
                    crate::t!("timestamp-invalid-certificate", reason = e.to_string())
                })?,
            );
        }
    }
    let mut signers = sd.signer_infos.0.iter();
    let si = signers
        .next()
        .ok_or_else(|| crate::t!("timestamp-reason-no-signature"))?;
    if signers.next().is_some() {
        return Err(crate::t!("timestamp-reason-many-signatures"));
    }
    let signer = certs
        .iter()
        .find(|c| match &si.sid {
            cms::signed_data::SignerIdentifier::IssuerAndSerialNumber(ias) => {
                c.tbs_certificate.issuer == ias.issuer
                    && c.tbs_certificate.serial_number == ias.serial_number
            }
            cms::signed_data::SignerIdentifier::SubjectKeyIdentifier(ski) => {
                subject_key_id(c).as_deref() == Some(ski.0.as_bytes())
            }
        })
        .cloned()
        .ok_or_else(|| crate::t!("timestamp-reason-signer-missing"))?;
    if !allows_time_stamping(&signer) {
        return Err(crate::t!("timestamp-reason-signer-not-tsa"));
    }

    let attrs = si
        .signed_attrs
        .as_ref()
        .ok_or_else(|| crate::t!("timestamp-reason-no-attributes"))?;
    let content_type = attribute(attrs, oid::CONTENT_TYPE, "content-type")?
        .ok_or_else(|| crate::t!("timestamp-reason-no-content-type"))?
        .decode_as::<ObjectIdentifier>()
        .map_err(|_| crate::t!("timestamp-reason-content-type-unreadable"))?;
    if content_type != oid::TST_INFO {
        return Err(crate::t!("timestamp-reason-content-type-other"));
    }
    let digest_alg = Hash::of(&si.digest_alg.oid)?;
    if !sd
        .digest_algorithms
        .iter()
        .any(|a| a.oid == si.digest_alg.oid)
    {
        return Err(crate::t!("timestamp-reason-digest-not-listed"));
    }
    let md = attribute(attrs, oid::MESSAGE_DIGEST, "message-digest")?
        .ok_or_else(|| crate::t!("timestamp-reason-no-message-digest"))?
        .decode_as::<OctetString>()
        .map_err(|_| crate::t!("timestamp-reason-message-digest-unreadable"))?;
    if md.as_bytes() != digest_alg.digest(tst_der).as_slice() {
        return Err(crate::t!("timestamp-reason-digest-mismatch"));
    }
    let signed = signed_attrs_as_sent(&token.content)?;
    let attributes_not_der = attrs.to_der().ok().as_deref() != Some(signed.as_slice());
    verify_signature(
        &signer.tbs_certificate.subject_public_key_info,
        &si.signature_algorithm,
        Some(&si.digest_alg.oid),
        &signed,
        si.signature.as_bytes(),
    )?;
    check_signing_certificate(attrs, &signer)?;
    // As `openssl ts -verify`: a token that names its TSA must name the
    // certificate that signed it (its subject, or one of its other names).
    if let Some(named) = &tst.tsa {
        if !names_certificate(named, &signer) {
            return Err(crate::t!(
                "timestamp-invalid-tsa-name",
                named = crate::sanitize::one_line(&general_name_text(named)).into_owned(),
                subject = name_text(&signer.tbs_certificate.subject)
            ));
        }
    }
    let policy = match tst.policy.tag() {
        Tag::ObjectIdentifier => oid_text(tst.policy.value()),
        _ => None,
    }
    .ok_or_else(|| crate::t!("timestamp-invalid-policy"))?;

    // The name comes from the token: shown on one line, whatever it holds.
    let tsa = match &tst.tsa {
        Some(n) => general_name_text(n),
        None => name_text(&signer.tbs_certificate.subject),
    };
    let tsa = crate::sanitize::one_line(&tsa).into_owned();
    Ok(Token {
        gen_time,
        tsa,
        serial: hex(tst.serial_number.as_bytes()),
        policy,
        imprint_algorithm: tst.message_imprint.hash_algorithm.oid,
        imprint: tst.message_imprint.hashed_message.as_bytes().to_vec(),
        nonce: tst.nonce.map(|n| n.as_bytes().to_vec()).unwrap_or_default(),
        signer,
        certs,
        attributes_not_der,
    })
}

/// Whether a token's `tsa` name names this certificate: its subject, or
/// one of its subject alternative names.
fn names_certificate(named: &GeneralName, cert: &Certificate) -> bool {
    if let GeneralName::DirectoryName(name) = named {
        let subject = &cert.tbs_certificate.subject;
        if name == subject || name_text(name).eq_ignore_ascii_case(&name_text(subject)) {
            return true;
        }
    }
    extension(cert, oid::EXT_SAN)
        .and_then(|v| x509_cert::ext::pkix::SubjectAltName::from_der(v).ok())
        .is_some_and(|san| san.0.contains(named))
}

/// The ESS signing-certificate attribute (v1 or v2) must name the signer.
fn check_signing_certificate(
    attrs: &SetOfVec<x509_cert::attr::Attribute>,
    signer: &Certificate,
) -> Result<(), String> {
    let cert_der = signer
        .to_der()
        .map_err(|e| crate::t!("timestamp-reason-cert-unencodable", reason = e.to_string()))?;
    let mismatch = || crate::t!("timestamp-reason-ess-other");
    if let Some(v2) = attribute(attrs, oid::SIGNING_CERTIFICATE_V2, "signing-certificate")? {
        let sc: SigningCertificateV2 = v2
            .decode_as()
            .map_err(|_| crate::t!("timestamp-reason-ess-unreadable"))?;
        let first = sc.certs.first().ok_or_else(mismatch)?;
        let alg = first
            .hash_algorithm
            .as_ref()
            .map(|a| a.oid)
            .unwrap_or(oid::SHA256);
        if first.cert_hash.as_bytes() != Hash::of(&alg)?.digest(&cert_der) {
            return Err(mismatch());
        }
        return Ok(());
    }
    if let Some(v1) = attribute(attrs, oid::SIGNING_CERTIFICATE, "signing-certificate")? {
        let sc: SigningCertificate = v1
            .decode_as()
            .map_err(|_| crate::t!("timestamp-reason-ess-unreadable"))?;
        let first = sc.certs.first().ok_or_else(mismatch)?;
        // ESSCertID identifies the certificate by SHA-1, as RFC 2634 fixes.
        if first.cert_hash.as_bytes() != sha1::Sha1::digest(&cert_der).as_slice() {
            return Err(mismatch());
        }
        return Ok(());
    }
    Err(crate::t!("timestamp-reason-ess-missing"))
}

/// Checks that a token answers a request: same SHA-256 value, same nonce.
pub fn check_matches(token: &Token, req: &Request) -> Result<()> {
    if token.imprint_algorithm != oid::SHA256 || token.imprint != req.imprint {
        return Err(Error::usage(crate::t!("timestamp-other-imprint"))
            .with_hint(crate::t!("timestamp-other-request-hint")));
    }
    if token.nonce != req.nonce {
        return Err(Error::usage(crate::t!("timestamp-other-nonce"))
            .with_hint(crate::t!("timestamp-other-request-hint")));
    }
    Ok(())
}

/// Reads one or more PEM certificates (or one DER certificate).
pub fn load_certs(bytes: &[u8]) -> Result<Vec<Certificate>, String> {
    if bytes.starts_with(b"-----") || bytes.windows(11).any(|w| w == b"-----BEGIN ") {
        let certs = Certificate::load_pem_chain(bytes).map_err(|e| e.to_string())?;
        if certs.is_empty() {
            return Err(crate::t!("timestamp-reason-no-certificate"));
        }
        return Ok(certs);
    }
    Certificate::from_der(bytes)
        .map(|c| vec![c])
        .map_err(|e| e.to_string())
}

fn unix_secs(rfc3339: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|t| t.timestamp())
}

fn is_ca(cert: &Certificate) -> bool {
    extension(cert, oid::EXT_BASIC_CONSTRAINTS)
        .and_then(|v| x509_cert::ext::pkix::BasicConstraints::from_der(v).ok())
        .is_some_and(|b| b.ca)
}

fn valid_at(cert: &Certificate, secs: i64) -> bool {
    let v = &cert.tbs_certificate.validity;
    let nb = v.not_before.to_unix_duration().as_secs() as i64;
    let na = v.not_after.to_unix_duration().as_secs() as i64;
    nb <= secs && secs <= na
}

fn signed_by(cert: &Certificate, issuer: &Certificate) -> bool {
    let Ok(tbs) = cert.tbs_certificate.to_der() else {
        return false;
    };
    let Some(sig) = cert.signature.as_bytes() else {
        return false;
    };
    verify_signature(
        &issuer.tbs_certificate.subject_public_key_info,
        &cert.signature_algorithm,
        None,
        &tbs,
        sig,
    )
    .is_ok()
}

/// Checks that the token's signing certificate leads to one of `roots`
/// (through certificates in the token or in `roots`), each valid at the
/// TSA's time. Returns the root's subject.
pub fn check_chain(token: &Token, roots: &[Certificate]) -> Result<String, String> {
    let at =
        unix_secs(&token.gen_time).ok_or_else(|| crate::t!("timestamp-reason-time-unknown"))?;
    let mut cert = token.signer.clone();
    if !valid_at(&cert, at) {
        return Err(crate::t!("timestamp-reason-tsa-cert-expired"));
    }
    for _ in 0..8 {
        if let Some(root) = roots.iter().find(|r| {
            r.tbs_certificate.subject == cert.tbs_certificate.issuer && signed_by(&cert, r)
        }) {
            if !valid_at(root, at) {
                return Err(crate::t!(
                    "timestamp-reason-root-expired",
                    name = name_text(&root.tbs_certificate.subject)
                ));
            }
            return Ok(name_text(&root.tbs_certificate.subject));
        }
        if roots.iter().any(|r| r == &cert) {
            return Ok(name_text(&cert.tbs_certificate.subject));
        }
        let next = token.certs.iter().chain(roots.iter()).find(|c| {
            *c != &cert
                && c.tbs_certificate.subject == cert.tbs_certificate.issuer
                && is_ca(c)
                && signed_by(&cert, c)
        });
        match next {
            Some(c) if valid_at(c, at) => cert = c.clone(),
            Some(c) => {
                return Err(crate::t!(
                    "timestamp-reason-cert-expired",
                    name = name_text(&c.tbs_certificate.subject)
                ))
            }
            None => {
                return Err(crate::t!(
                    "timestamp-reason-no-issuer",
                    name = name_text(&cert.tbs_certificate.subject)
                ))
            }
        }
    }
    Err(crate::t!("timestamp-reason-chain-too-long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_round_trips() {
        let imprint = [7u8; 32];
        let nonce = random_nonce().unwrap();
        let der = make_request(&imprint, &nonce).unwrap();
        let req = parse_request(&der).unwrap();
        assert_eq!(req.imprint, imprint);
        assert_eq!(req.nonce, nonce);
        assert!(parse_request(&der[..der.len() - 1]).is_err());
    }

    #[test]
    fn gen_time_forms() {
        let t = |s: &str| gen_time_text(&Any::new(Tag::GeneralizedTime, s.as_bytes()).unwrap());
        assert_eq!(t("20261121101514Z").unwrap(), "2026-11-21T10:15:14Z");
        assert_eq!(t("20261121101514.25Z").unwrap(), "2026-11-21T10:15:14.25Z");
        assert!(t("20261121101514.250Z").is_err());
        assert!(t("20261321101514Z").is_err());
        assert!(t("2026112110151Z").is_err());
        assert!(t("20261121101514").is_err());
    }

    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        assert!(content.len() < 128);
        [&[tag, content.len() as u8][..], content].concat()
    }

    /// RFC 4210's names, bit by bit (RFC 3161 uses 0, 2, 5, 14-17, 25).
    const NAMES: [&str; 27] = [
        "badAlg",
        "badMessageCheck",
        "badRequest",
        "badTime",
        "badCertId",
        "badDataFormat",
        "wrongAuthority",
        "incorrectData",
        "missingTimeStamp",
        "badPOP",
        "certRevoked",
        "certConfirmed",
        "wrongIntegrity",
        "badRecipientNonce",
        "timeNotAvailable",
        "unacceptedPolicy",
        "unacceptedExtension",
        "addInfoNotAvailable",
        "badSenderNonce",
        "badCertTemplate",
        "signerNotTrusted",
        "transactionIdInUse",
        "unsupportedVersion",
        "notAuthorized",
        "systemUnavail",
        "systemFailure",
        "duplicateCertReq",
    ];

    #[test]
    fn every_status_and_failure_bit_is_in_words() {
        for bit in 0..=27usize {
            let mut bits = vec![0u8; bit / 8 + 1];
            bits[bit / 8] = 0x80 >> (bit % 8);
            let unused = 7 - (bit % 8) as u8;
            let fail = tlv(0x03, &[&[unused][..], &bits].concat());
            let status = tlv(0x30, &[&[2u8, 1, 2][..], &fail].concat());
            let Err(Refusal::NotGranted(text)) = read_response(&tlv(0x30, &status)) else {
                panic!("bit {bit} not read as a refusal");
            };
            let expected = NAMES
                .get(bit)
                .map_or_else(|| "27".to_string(), |n| format!("({n})"));
            assert!(text.contains(&expected), "bit {bit}: {text}");
            assert!(!text.contains("FlagSet") && !text.contains('{'), "{text}");
        }
        for (n, word) in [
            (3u8, "waiting"),
            (4, "revocation warning"),
            (5, "revocation notice"),
            (9, "9"),
        ] {
            let status = tlv(0x30, &[2u8, 1, n]);
            let Err(Refusal::NotGranted(text)) = read_response(&tlv(0x30, &status)) else {
                panic!("status {n}");
            };
            assert!(text.contains(word), "{text}");
        }
    }

    #[test]
    fn any_valid_oid_is_text() {
        assert_eq!(oid_text(&[0x29, 0x02]).as_deref(), Some("1.1.2"));
        assert_eq!(oid_text(&[0x2a, 0x03]).as_deref(), Some("1.2.3"));
        assert_eq!(oid_text(&[0x55, 0x04, 0x61]).as_deref(), Some("2.5.4.97"));
        assert_eq!(oid_text(&[0x88, 0x37, 0x01]).as_deref(), Some("2.999.1"));
        assert_eq!(oid_text(&[0x2a, 0x80, 0x01]), None, "a leading zero");
        assert_eq!(oid_text(&[0x2a, 0x81]), None, "cut short");
        assert_eq!(oid_text(&[]), None);
    }

    #[test]
    fn names_as_text_with_lenient_strings() {
        let atv = |oid: &[u8], tag: u8, value: &[u8]| {
            tlv(
                0x31,
                &tlv(0x30, &[tlv(0x06, oid), tlv(tag, value)].concat()),
            )
        };
        let name = tlv(
            0x30,
            &[
                atv(&[0x55, 0x04, 0x06], 0x13, b"DE"),
                atv(&[0x55, 0x04, 0x61], 0x0c, b"NTRDE-HRB74346"),
                atv(&[0x55, 0x04, 0x0a], 0x1e, &[0x30, 0xb5, 0x30, 0xf3]), // BMPString
                atv(&[0x55, 0x04, 0x03], 0x13, b"ECC256_Responder, 2024"),
            ]
            .concat(),
        );
        let name = x509_cert::name::Name::from_der(&name).unwrap();
        assert_eq!(
            name_text(&name),
            "CN=ECC256_Responder\\, 2024,O=\u{30b5}\u{30f3},organizationIdentifier=NTRDE-HRB74346,C=DE"
        );
    }

    #[test]
    fn garbage_is_not_a_response() {
        for bytes in [&b""[..], b"\x30\x00", b"hello", &[0x30, 0x82, 0xff, 0xff]] {
            let e = parse_response(bytes).unwrap_err();
            assert!(e.message.contains("not a timestamp response"), "{e:?}");
        }
    }
}
