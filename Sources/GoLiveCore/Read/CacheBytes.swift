/// Appends the values of a cache file: unsigned numbers as LEB128 varints (most are small line
/// numbers and counts), strings as a byte count and their UTF-8.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zigzag, so a small negative number stays one byte.
    mutating func int(_ value: Int) {
        let value = Int64(value)
        uint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func count(_ value: Int) { uint(UInt64(value)) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Reads back what `CacheWriter` wrote, from bytes that may be truncated, corrupt or not a cache at
/// all: every read is bounds-checked and throws instead of trapping, and no count is believed beyond
/// what the remaining bytes could hold, so a corrupt length never allocates more than the file's size.
struct CacheReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    /// `bytes` must outlive the reader: use it inside `withUnsafeBytes` only.
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            let bits = UInt64(byte & 0x7F)
            // The tenth byte may carry only the 64th bit; more would overflow.
            guard shift < 63 || (shift == 63 && bits <= 1) else { throw Malformed() }
            result |= bits << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func int() throws(Malformed) -> Int {
        let raw = try uint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A non-negative number that fits in an `Int` (a line, a column, a headcount's magnitude).
    mutating func natural() throws(Malformed) -> Int {
        let raw = try uint()
        guard raw <= UInt64(Int.max) else { throw Malformed() }
        return Int(raw)
    }

    /// A count of items each at least `minimumBytes` long: more than the rest of the bytes can hold is corrupt.
    mutating func count(minimumBytes: Int) throws(Malformed) -> Int {
        let raw = try uint()
        guard raw <= UInt64(remaining / max(1, minimumBytes)) else { throw Malformed() }
        return Int(raw)
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    /// Invalid UTF-8 becomes replacement characters rather than an error: the file's checksum is what
    /// rejects corruption, this only has to be safe.
    mutating func string() throws(Malformed) -> String {
        let length = try count(minimumBytes: 1)
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// `count` raw bytes, as they are.
    mutating func bytes(_ count: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw Malformed() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func array<T>(minimumBytes: Int,
                           _ item: (inout CacheReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try count(minimumBytes: minimumBytes)
        var items: [T] = []
        // Capped too: a count the bytes could hold may still be many large values if it is a lie.
        items.reserveCapacity(min(count, 4096))
        for _ in 0..<count { items.append(try item(&self)) }
        return items
    }
}
