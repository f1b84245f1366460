import Foundation

/// Digests that tell whether something changed (not security hashes).
enum Digest {
    /// FNV-1a 64-bit of a text. Guide and calendar-event digests in the manifest use it, so it must
    /// never change: a different digest would read as a changed guide and bump its version.
    static func fnv1a(_ text: String) -> String {
        var hash = FNV1a()
        hash.add(text)
        return hash.digest
    }

    /// FNV-1a fed piece by piece: the digest of the pieces' concatenation, without building it.
    struct FNV1a {
        private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            withUTF8Bytes(of: text) { buffer in for byte in buffer { add(byte) } }
        }

        mutating func add(_ byte: UInt8) {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }

        var digest: String { Digest.hex(state) }
    }

    /// A 64-bit digest of a file's bytes, eight at a time with wyhash's multiply-and-fold mixing:
    /// every output of a build is digested, and FNV's byte-at-a-time chain was a visible share of it.
    /// A change of algorithm only costs one byte comparison per file on the next build.
    static func contents(_ data: Data) -> String {
        hex(data.withUnsafeBytes { words($0) })
    }

    /// `contents`, as a number: the bytes eight at a time.
    static func words(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xa076_1d64_78bd_642f ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = fold(word ^ 0xe703_7ed1_a0b4_28db, hash ^ 0x8ebc_6af0_9c88_c6e3)
            offset += 8
        }
        // The last 0 to 7 bytes, the first of them lowest. Read as the top of the file's last eight
        // when there are eight (the same number, without a loop over bytes: paths are digested by the
        // tens of thousands on a rebuild).
        let rest = raw.count - offset
        var tail: UInt64 = 0
        if rest > 0, raw.count >= 8 {
            tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)) >> (8 * UInt64(8 - rest))
        } else {
            for index in 0..<rest { tail |= UInt64(raw[offset + index]) << (8 * UInt64(index)) }
        }
        hash = fold(tail ^ 0x5899_65cc_7537_4cc3, hash ^ 0x1d8e_4e27_c47d_124f)
        return fold(hash, 0xe703_7ed1_a0b4_28db)
    }

    /// The high and low halves of the 128-bit product, folded together.
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    fileprivate static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
