//! Bytes of a report file → text: UTF-8 (with or without BOM), UTF-16 with a BOM, or, failing
//! UTF-8, Windows-1252 (a superset of Latin-1's printable range) with a warning.
//!
//! Refuses what is not a report: empty files, files of only whitespace, and binary files. It does
//! not look at the text's structure; that is `segment`'s job.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Text decoded from a file, with a note when it was not UTF-8.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Why a file's bytes are not a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    Empty,
    Binary,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Empty => write!(f, "the file is empty: nothing to ingest"),
            NotText::Binary => write!(
                f,
                "the file is binary, not text: give ties .txt, .md, .html or RDF files"
            ),
        }
    }
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = (encoding == UTF_16LE || encoding == UTF_16BE)
            .then(|| format!("decoded as {} (byte-order mark)", encoding.name()));
        return check(text.into_owned(), warning);
    }
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check(text.to_owned(), None),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            let warning = Some(format!(
                "not valid {}: decoded as Windows-1252 (Latin-1); save reports as UTF-8 to avoid guessing",
                UTF_8.name()
            ));
            check(text.into_owned(), warning)
        }
    }
}

fn check(text: String, warning: Option<String>) -> Result<Decoded, NotText> {
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    if text.contains('\0') {
        return Err(NotText::Binary);
    }
    Ok(Decoded { text, warning })
}

/// A NUL byte, or more than one control byte in twenty (tabs, newlines, form feeds aside), in the
/// first 8 KiB marks a file as binary: text formats never contain them.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Zoë said “yes”.".as_bytes()).unwrap();
        assert_eq!(d.text, "Zoë said “yes”.");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xEF\xBB\xBFHello there.").unwrap();
        assert_eq!(d.text, "Hello there.");
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        // “José” in Windows-1252: curly quotes are 0x93/0x94, é is 0xE9.
        let d = decode(b"\x93Jos\xE9 M\xFCller\x94 spoke.").unwrap();
        assert_eq!(d.text, "“José Müller” spoke.");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hi there.".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Hi there.");
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(decode(b""), Err(NotText::Empty));
        assert_eq!(decode(b"  \n\t\n"), Err(NotText::Empty));
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00binary"), Err(NotText::Binary));
        let noise: Vec<u8> = (0u8..32).cycle().take(400).collect();
        assert_eq!(decode(&noise), Err(NotText::Binary));
    }
}
