/// 64-bit FNV-1a: a tiny, stable hash. Swift's `Hasher` is seeded per process,
/// so it cannot give the same MIME boundary on two runs.
enum EmailFNV1a {
    static func hash64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex64(_ parts: [String]) -> String {
        // A separator byte that cannot appear in UTF-8 keeps ("ab","c") and ("a","bc") apart.
        let bytes = parts.map { Array($0.utf8) }.joined(separator: [0xFF])
        let value = hash64(bytes)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
