/// 64-bit FNV-1a: a tiny, stable hash. Swift's `Hasher` is seeded per process,
/// so it cannot give the same MIME boundary on two runs.
enum EmailFNV1a {
    static func hash64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }

    @inline(__always)
    private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func hex64(_ parts: [String]) -> String {
        // A separator byte that cannot appear in UTF-8 keeps ("ab","c") and ("a","bc") apart.
        // Hashed part by part, as the joined bytes would be, without copying whole bodies.
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { value = step(value, 0xFF) }
            for byte in part.utf8 { value = step(value, byte) }
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
