/// A digest of several values, each one delimited, so that ("ab", "c") and ("a", "bc") differ.
/// Keys a document on what it was rendered from (see `RenderUnit`).
struct Fingerprint {
    private var fnv = Digest.FNV1a()

    init() {}

    init(_ parts: String...) { for part in parts { add(part) } }

    mutating func add(_ text: String) {
        fnv.add(text)
        fnv.add(0xFF)   // never in UTF-8: the delimiter
    }

    mutating func add(_ value: Int) { add(String(value)) }

    var hash: UInt64 { fnv.state }

    var value: String { fnv.digest }
}
