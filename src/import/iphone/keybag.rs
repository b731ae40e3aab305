//! The backup keybag of an encrypted iPhone backup, and decryption.
//!
//! `Manifest.plist` holds `BackupKeyBag`: a run of TLV blocks (4-byte tag,
//! 4-byte big-endian length, value). The first `UUID`, `WRAP`, `SALT`,
//! `ITER`, `DPSL` and `DPIC` describe the keybag; every later `UUID` starts
//! a class key with `CLAS` (the protection class), `WRAP` (2 = wrapped with
//! the passphrase key), `KTYP` and `WPKY` (the wrapped key, RFC 3394).
//!
//! The passphrase key is PBKDF2-HMAC-SHA256(passphrase, DPSL, DPIC, 32)
//! then PBKDF2-HMAC-SHA1(that, SALT, ITER, 32). Each class key is unwrapped
//! with it (a failed integrity check is a wrong passphrase); each file key
//! (`ManifestKey`, a file's `EncryptionKey`: 4 bytes of little-endian
//! protection class, then the wrapped key) is unwrapped with its class key;
//! files are AES-256-CBC with a zero IV and PKCS#7 padding.

use aes::cipher::{block_padding::NoPadding, BlockDecryptMut, KeyIvInit};

use crate::t;

/// Why a keybag or a key cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The keybag is not in the documented layout (what is wrong).
    Damaged(String),
    /// The passphrase does not unwrap the class keys.
    WrongPassphrase,
    /// A file's key is for a class the keybag has no key for.
    NoClassKey(u32),
    /// A wrapped key did not unwrap (the backup is damaged).
    BadKey,
}

#[derive(Debug, Clone, Default)]
struct ClassKey {
    class: u32,
    wrap: u32,
    wpky: Vec<u8>,
    key: Option<[u8; 32]>,
}

/// A parsed keybag; [`Keybag::unlock`] gives the class keys.
#[derive(Debug, Clone, Default)]
pub struct Keybag {
    salt: Vec<u8>,
    iter: u32,
    dpsl: Vec<u8>,
    dpic: u32,
    classes: Vec<ClassKey>,
}

/// The most PBKDF2 rounds accepted (iOS uses 10,000,000 and 10,000).
const MAX_DPIC: u32 = 100_000_000;
const MAX_ITER: u32 = 1_000_000;

/// Passphrase-wrapped class keys.
const WRAP_PASSCODE: u32 = 2;

fn be_u32(v: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(v.try_into().ok()?))
}

impl Keybag {
    /// Reads the TLV blocks. Never panics on any input.
    pub fn parse(data: &[u8]) -> Result<Keybag, KeyError> {
        let mut kb = Keybag::default();
        let mut seen_uuid = false;
        let mut current: Option<ClassKey> = None;
        let mut rest = data;
        while !rest.is_empty() {
            if rest.len() < 8 {
                return Err(KeyError::Damaged(t!("iphone-keybag-cut")));
            }
            let tag = &rest[..4];
            let len = be_u32(&rest[4..8]).unwrap_or(0) as usize;
            if rest.len() - 8 < len {
                return Err(KeyError::Damaged(t!("iphone-keybag-cut")));
            }
            let value = &rest[8..8 + len];
            rest = &rest[8 + len..];
            match tag {
                b"UUID" if !seen_uuid => seen_uuid = true,
                b"UUID" => {
                    kb.classes.extend(current.take());
                    current = Some(ClassKey::default());
                }
                b"CLAS" | b"WRAP" | b"WPKY" | b"KTYP" if current.is_some() => {
                    if let Some(c) = current.as_mut() {
                        match tag {
                            b"CLAS" => c.class = be_u32(value).unwrap_or(0),
                            b"WRAP" => c.wrap = be_u32(value).unwrap_or(0),
                            b"WPKY" => c.wpky = value.to_vec(),
                            _ => {}
                        }
                    }
                }
                b"SALT" => kb.salt = value.to_vec(),
                b"ITER" => kb.iter = be_u32(value).unwrap_or(0),
                b"DPSL" => kb.dpsl = value.to_vec(),
                b"DPIC" => kb.dpic = be_u32(value).unwrap_or(0),
                _ => {}
            }
        }
        kb.classes.extend(current);
        if kb.salt.is_empty() || kb.iter == 0 {
            return Err(KeyError::Damaged(t!("iphone-keybag-no-salt")));
        }
        if kb.classes.is_empty() {
            return Err(KeyError::Damaged(t!("iphone-keybag-no-keys")));
        }
        Ok(kb)
    }

    /// The passphrase key (two rounds of PBKDF2).
    pub fn passphrase_key(&self, passphrase: &[u8]) -> [u8; 32] {
        let first: [u8; 32] = if self.dpic > 0 {
            pbkdf2::pbkdf2_hmac_array::<sha2::Sha256, 32>(passphrase, &self.dpsl, self.dpic)
        } else {
            // Backups made before iOS 10.2 have only the SHA-1 round.
            return pbkdf2::pbkdf2_hmac_array::<sha1::Sha1, 32>(passphrase, &self.salt, self.iter);
        };
        pbkdf2::pbkdf2_hmac_array::<sha1::Sha1, 32>(&first, &self.salt, self.iter)
    }

    /// Unwraps the class keys with the passphrase, refusing keybags that
    /// ask for more than `max_rounds` PBKDF2 rounds (for tests of damaged
    /// keybags, which may ask for billions).
    pub fn unlock_with_limit(
        &mut self,
        passphrase: &[u8],
        max_rounds: u32,
    ) -> Result<(), KeyError> {
        if self.iter > max_rounds || self.dpic > max_rounds {
            return Err(KeyError::Damaged(t!(
                "iphone-keybag-rounds",
                dpic = self.dpic,
                iter = self.iter
            )));
        }
        self.unlock(passphrase)
    }

    /// Unwraps the class keys with the passphrase. A damaged or hostile
    /// keybag may ask for billions of rounds: more than ten times what
    /// iOS uses (10,000,000 and 10,000) is refused before any is run.
    pub fn unlock(&mut self, passphrase: &[u8]) -> Result<(), KeyError> {
        if self.dpic > MAX_DPIC || self.iter > MAX_ITER {
            return Err(KeyError::Damaged(t!(
                "iphone-keybag-rounds",
                dpic = self.dpic,
                iter = self.iter
            )));
        }
        let key = self.passphrase_key(passphrase);
        let mut any = false;
        for c in &mut self.classes {
            if c.wrap & WRAP_PASSCODE == 0 || c.wpky.len() != 40 {
                continue;
            }
            c.key = Some(unwrap(&key, &c.wpky).ok_or(KeyError::WrongPassphrase)?);
            any = true;
        }
        if !any {
            return Err(KeyError::Damaged(t!("iphone-keybag-no-keys")));
        }
        Ok(())
    }

    /// Unwraps a file key given as 4 bytes of little-endian class and the
    /// wrapped key (`ManifestKey`, a file's `EncryptionKey`).
    pub fn file_key(&self, blob: &[u8]) -> Result<[u8; 32], KeyError> {
        if blob.len() != 44 {
            return Err(KeyError::BadKey);
        }
        let class = u32::from_le_bytes([blob[0], blob[1], blob[2], blob[3]]);
        self.file_key_for(class, &blob[4..])
    }

    /// Unwraps a 40-byte wrapped key with the key of `class`.
    pub fn file_key_for(&self, class: u32, wrapped: &[u8]) -> Result<[u8; 32], KeyError> {
        let ck = self
            .classes
            .iter()
            .find(|c| c.class == class && c.key.is_some())
            .and_then(|c| c.key)
            .ok_or(KeyError::NoClassKey(class))?;
        unwrap(&ck, wrapped).ok_or(KeyError::BadKey)
    }
}

/// RFC 3394 AES key unwrap of a 32-byte key; `None` when the integrity
/// check fails.
pub fn unwrap(kek: &[u8; 32], wrapped: &[u8]) -> Option<[u8; 32]> {
    if wrapped.len() != 40 {
        return None;
    }
    let kek = aes_kw::KekAes256::from(*kek);
    let mut out = [0u8; 32];
    kek.unwrap(wrapped, &mut out).ok()?;
    Some(out)
}

/// AES-256-CBC with a zero IV, in place; the PKCS#7 padding is removed
/// when it is valid, and the result cut to `size` when the backup gives
/// the file's size. `None` when the length is not whole blocks.
pub fn decrypt(key: &[u8; 32], mut data: Vec<u8>, size: Option<u64>) -> Option<Vec<u8>> {
    if data.len() % 16 != 0 {
        return None;
    }
    let dec = cbc::Decryptor::<aes::Aes256>::new(key.into(), &[0u8; 16].into());
    dec.decrypt_padded_mut::<NoPadding>(&mut data).ok()?;
    match size {
        Some(n) if (n as usize) <= data.len() && n > 0 => data.truncate(n as usize),
        _ => {
            if let Some(&pad) = data.last() {
                let p = pad as usize;
                if (1..=16).contains(&p)
                    && p <= data.len()
                    && data[data.len() - p..].iter().all(|&b| b == pad)
                {
                    data.truncate(data.len() - p);
                }
            }
        }
    }
    Some(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_keybags_are_refused_not_panicked_on() {
        assert!(matches!(Keybag::parse(b"UUI"), Err(KeyError::Damaged(_))));
        assert!(matches!(
            Keybag::parse(b"UUID\0\0\0\xff"),
            Err(KeyError::Damaged(_))
        ));
        assert!(matches!(Keybag::parse(b""), Err(KeyError::Damaged(_))));
    }

    #[test]
    fn absurd_round_counts_are_refused_before_running() {
        let mut kb = Vec::new();
        for (tag, value) in [
            (b"UUID", vec![1u8; 16]),
            (b"SALT", vec![2; 20]),
            (b"ITER", u32::MAX.to_be_bytes().to_vec()),
            (b"UUID", vec![3; 16]),
            (b"CLAS", 1u32.to_be_bytes().to_vec()),
            (b"WRAP", 2u32.to_be_bytes().to_vec()),
            (b"WPKY", vec![4; 40]),
        ] {
            kb.extend_from_slice(tag);
            kb.extend_from_slice(&(value.len() as u32).to_be_bytes());
            kb.extend_from_slice(&value);
        }
        let mut bag = Keybag::parse(&kb).unwrap();
        let started = std::time::Instant::now();
        assert!(matches!(bag.unlock(b"x"), Err(KeyError::Damaged(_))));
        assert!(started.elapsed().as_secs() < 1);
    }

    #[test]
    fn unwrap_checks_integrity() {
        let kek = [7u8; 32];
        let key = [9u8; 32];
        let mut wrapped = [0u8; 40];
        aes_kw::KekAes256::from(kek)
            .wrap(&key, &mut wrapped)
            .unwrap();
        assert_eq!(unwrap(&kek, &wrapped), Some(key));
        assert_eq!(unwrap(&[8u8; 32], &wrapped), None);
    }
}
