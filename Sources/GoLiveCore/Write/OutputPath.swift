/// Output and input paths built from ids or written by users must stay inside their folder.
public enum OutputPath {
    /// A relative path of plain segments: no `..`, no absolute path, no empty or hidden segment, no backslash.
    /// On bytes: it runs for every output of every build, tens of thousands of times.
    public static func isSafeRelative(_ path: String) -> Bool {
        withUTF8Bytes(of: path) { isSafeRelative(bytes: $0) }
    }

    private static func isSafeRelative(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var atSegmentStart = true
        var count = 0
        for byte in bytes {
            count += 1
            switch byte {
            case UInt8(ascii: "\\"), 0: return false
            case UInt8(ascii: "/"):
                if atSegmentStart { return false }   // leading slash, or an empty segment
                atSegmentStart = true
            case UInt8(ascii: "."):
                if atSegmentStart { return false }   // ".", "..", and hidden names all start with a dot
                atSegmentStart = false
            default:
                atSegmentStart = false
            }
        }
        return count > 0 && !atSegmentStart
    }
}
