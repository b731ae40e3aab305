//! The property lists of a backup: `Info.plist` (about the phone),
//! `Manifest.plist` (whether it is encrypted, the keybag) and the
//! NSKeyedArchiver blob of each file in `Manifest.db` (its protection class,
//! wrapped key and size). Read with the `plist` crate (XML and binary).

use std::io::Cursor;

use chrono::{DateTime, Utc};
use plist::{Dictionary, Value};

use crate::t;

/// What `Info.plist` says about the phone and the backup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Info {
    pub device_name: Option<String>,
    pub product_type: Option<String>,
    pub product_version: Option<String>,
    pub last_backup: Option<DateTime<Utc>>,
}

/// What `Manifest.plist` says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub encrypted: bool,
    pub keybag: Option<Vec<u8>>,
    pub manifest_key: Option<Vec<u8>>,
    pub product_version: Option<String>,
}

/// One file's entry in `Manifest.db` (the `file` column).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileMeta {
    pub protection_class: Option<u32>,
    /// 4 bytes of class, then the wrapped key.
    pub encryption_key: Option<Vec<u8>>,
    pub size: Option<u64>,
}

fn parse(bytes: &[u8]) -> Result<Value, String> {
    Value::from_reader(Cursor::new(bytes)).map_err(|e| e.to_string())
}

fn text(d: &Dictionary, key: &str) -> Option<String> {
    d.get(key)
        .and_then(Value::as_string)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Reads `Info.plist`. `Err` with the reason when it is no property list.
pub fn info(bytes: &[u8]) -> Result<Info, String> {
    let v = parse(bytes)?;
    let d = v
        .as_dictionary()
        .ok_or_else(|| t!("iphone-plist-not-dict"))?;
    Ok(Info {
        device_name: text(d, "Device Name").or_else(|| text(d, "Display Name")),
        product_type: text(d, "Product Type"),
        product_version: text(d, "Product Version"),
        last_backup: d
            .get("Last Backup Date")
            .and_then(Value::as_date)
            .map(|date| DateTime::<Utc>::from(std::time::SystemTime::from(date))),
    })
}

/// Reads `Manifest.plist`.
pub fn manifest(bytes: &[u8]) -> Result<Manifest, String> {
    let v = parse(bytes)?;
    let d = v
        .as_dictionary()
        .ok_or_else(|| t!("iphone-plist-not-dict"))?;
    Ok(Manifest {
        encrypted: d
            .get("IsEncrypted")
            .and_then(Value::as_boolean)
            .unwrap_or(false),
        keybag: d
            .get("BackupKeyBag")
            .and_then(Value::as_data)
            .map(<[u8]>::to_vec),
        manifest_key: d
            .get("ManifestKey")
            .and_then(Value::as_data)
            .map(<[u8]>::to_vec),
        product_version: d
            .get("Lockdown")
            .and_then(Value::as_dictionary)
            .and_then(|l| text(l, "ProductVersion")),
    })
}

fn uid_target<'a>(objects: &'a [Value], v: &Value) -> Option<&'a Value> {
    objects.get(usize::try_from(v.as_uid()?.get()).ok()?)
}

fn unsigned(v: &Value) -> Option<u64> {
    v.as_unsigned_integer()
        .or_else(|| v.as_signed_integer().and_then(|i| u64::try_from(i).ok()))
}

/// Reads a file's NSKeyedArchiver blob: `$top.root` points into
/// `$objects` at an MBFile dictionary with `ProtectionClass`, `Size` and
/// `EncryptionKey`, which points at an `NSMutableData` holding `NS.data`.
pub fn file_meta(bytes: &[u8]) -> Result<FileMeta, String> {
    let v = parse(bytes)?;
    let d = v
        .as_dictionary()
        .ok_or_else(|| t!("iphone-plist-not-dict"))?;
    let objects = d
        .get("$objects")
        .and_then(Value::as_array)
        .ok_or_else(|| t!("iphone-plist-no-file"))?;
    let root = d
        .get("$top")
        .and_then(Value::as_dictionary)
        .and_then(|t| t.get("root"))
        .and_then(|r| uid_target(objects, r))
        .and_then(Value::as_dictionary)
        .ok_or_else(|| t!("iphone-plist-no-file"))?;
    let key = match root.get("EncryptionKey") {
        None => None,
        Some(k) => {
            let target = uid_target(objects, k).ok_or_else(|| t!("iphone-plist-bad-key"))?;
            let data = match target {
                Value::Data(d) => d.as_slice(),
                Value::Dictionary(d) => d
                    .get("NS.data")
                    .and_then(Value::as_data)
                    .ok_or_else(|| t!("iphone-plist-bad-key"))?,
                _ => return Err(t!("iphone-plist-bad-key")),
            };
            Some(data.to_vec())
        }
    };
    Ok(FileMeta {
        protection_class: root
            .get("ProtectionClass")
            .and_then(unsigned)
            .and_then(|c| u32::try_from(c).ok()),
        encryption_key: key,
        size: root.get("Size").and_then(unsigned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_plists_are_errors() {
        assert!(info(b"").is_err());
        assert!(manifest(b"bplist00").is_err());
        assert!(file_meta(b"<plist><array/></plist>").is_err());
    }
}
