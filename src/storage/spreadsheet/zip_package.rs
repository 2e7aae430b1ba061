//! A zip archive written in one go, as an Office Open XML package (.xlsx) is: each part deflated with
//! `miniz_oxide` (already in the first download for packed workspaces), its CRC-32 and sizes in a local
//! header and in the central directory at the end. No zip64, encryption or comments: a workbook the app
//! writes is far below 4 GB.

use miniz_oxide::deflate::compress_to_vec;

/// How hard each part is deflated (miniz's default level: the usual balance of size and speed).
const DEFLATE_LEVEL: u8 = 6;
/// The zip version a reader needs to open a deflated entry (2.0).
const VERSION_NEEDED: u16 = 20;
/// The compression method code for deflate.
const DEFLATE_METHOD: u16 = 8;
/// 1 January 1980, the earliest date a zip entry can carry, in MS-DOS date form: every part has it, so the
/// same sheet always gives the same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;

/// A zip archive being written: the parts added so far and the central directory that will describe them.
#[derive(Debug, Default)]
pub struct ZipPackage {
    bytes: Vec<u8>,
    directory: Vec<u8>,
    entries: u16,
}

impl ZipPackage {
    /// An archive with no parts yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the part at `path` (ASCII, `/` between folders) with its `content`, deflated.
    pub fn add(&mut self, path: &str, content: &[u8]) -> Result<(), String> {
        let too_big = || format!("the workbook part {path} is too large for a zip archive");
        let deflated = compress_to_vec(content, DEFLATE_LEVEL);
        let compressed = u32::try_from(deflated.len()).map_err(|_| too_big())?;
        let size = u32::try_from(content.len()).map_err(|_| too_big())?;
        let offset = u32::try_from(self.bytes.len()).map_err(|_| too_big())?;
        let name_length = u16::try_from(path.len()).map_err(|_| too_big())?;
        self.entries = self
            .entries
            .checked_add(1)
            .ok_or_else(|| "a workbook has too many parts for a zip archive".to_owned())?;
        let crc = crc32(content);
        let shared = |out: &mut Vec<u8>| {
            put16(out, VERSION_NEEDED);
            put16(out, 0); // flags: none
            put16(out, DEFLATE_METHOD);
            put16(out, 0); // time: midnight
            put16(out, DOS_DATE);
            put32(out, crc);
            put32(out, compressed);
            put32(out, size);
            put16(out, name_length);
            put16(out, 0); // no extra field
        };
        put32(&mut self.bytes, 0x0403_4b50);
        shared(&mut self.bytes);
        self.bytes.extend_from_slice(path.as_bytes());
        self.bytes.extend_from_slice(&deflated);

        put32(&mut self.directory, 0x0201_4b50);
        put16(&mut self.directory, VERSION_NEEDED); // made by
        shared(&mut self.directory);
        put16(&mut self.directory, 0); // no comment
        put16(&mut self.directory, 0); // disk 0
        put16(&mut self.directory, 0); // internal attributes
        put32(&mut self.directory, 0); // external attributes
        put32(&mut self.directory, offset);
        self.directory.extend_from_slice(path.as_bytes());
        Ok(())
    }

    /// The archive's bytes: the parts, the central directory and its end record.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let too_big = || "the workbook is too large for a zip archive".to_owned();
        let directory_offset = u32::try_from(self.bytes.len()).map_err(|_| too_big())?;
        let directory_size = u32::try_from(self.directory.len()).map_err(|_| too_big())?;
        self.bytes.append(&mut self.directory);
        put32(&mut self.bytes, 0x0605_4b50);
        put16(&mut self.bytes, 0); // this disk
        put16(&mut self.bytes, 0); // the directory's disk
        put16(&mut self.bytes, self.entries);
        put16(&mut self.bytes, self.entries);
        put32(&mut self.bytes, directory_size);
        put32(&mut self.bytes, directory_offset);
        put16(&mut self.bytes, 0); // no comment
        Ok(self.bytes)
    }
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// The CRC-32 lookup table (the IEEE polynomial, reflected), made when the crate is compiled.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut index = 0;
    while index < 256 {
        let mut value = index as u32;
        let mut bit = 0;
        while bit < 8 {
            value = if value & 1 == 1 {
                0xEDB8_8320 ^ (value >> 1)
            } else {
                value >> 1
            };
            bit += 1;
        }
        table[index] = value;
        index += 1;
    }
    table
};

/// The CRC-32 of `bytes`, as zip records it.
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(u32::MAX, |crc, &byte| {
        CRC_TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8)
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    #[test]
    fn the_crc_of_the_standard_check_string_is_the_published_check_value() {
        // The CRC-32 catalogue's check value for the nine bytes "123456789" is 0xCBF43926.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_reads_back_part_by_part_with_its_names_and_bytes() {
        let mut package = ZipPackage::new();
        package.add("first.xml", b"<a>one</a>").unwrap();
        let long = "repeated text ".repeat(500);
        package.add("folder/second.xml", long.as_bytes()).unwrap();
        package.add("empty.txt", b"").unwrap();
        let bytes = package.finish().unwrap();
        // The zip crate checks each part's CRC-32 as it reads it to the end.
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        let mut read = |name: &str| {
            let mut text = String::new();
            archive
                .by_name(name)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        };
        assert_eq!(read("first.xml"), "<a>one</a>");
        assert_eq!(read("folder/second.xml"), long);
        assert_eq!(read("empty.txt"), "");
    }

    #[test]
    fn the_same_parts_always_give_the_same_bytes() {
        let write = || {
            let mut package = ZipPackage::new();
            package.add("a.xml", b"<a/>").unwrap();
            package.finish().unwrap()
        };
        assert_eq!(write(), write());
    }
}
