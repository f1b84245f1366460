/// A digest of several values, each one delimited, so that ("ab", "c") and ("a", "bc") differ.
/// Keys a document on what it was rendered from (see `RenderUnit`).
struct Fingerprint {
    private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(_ parts: String...) { for part in parts { add(part) } }

    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0xFF)   // never in UTF-8: the delimiter
    }

    mutating func add(_ value: Int) { add(String(value)) }

    private mutating func mix(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }

    var value: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
