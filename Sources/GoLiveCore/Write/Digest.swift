import Foundation

/// FNV-1a 64-bit: enough to notice that a file's bytes changed (not a security hash).
enum Digest {
    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(format: "%016llx", hash)
    }

    static func fnv1a(_ text: String) -> String { fnv1a(Data(text.utf8)) }
}
