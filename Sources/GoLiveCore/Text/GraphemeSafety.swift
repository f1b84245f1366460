/// Byte-level scans of UTF-8 text agree with `Character`-level code only where no grapheme
/// cluster spans the ASCII byte they look at. Every scalar that can join a neighbour into one
/// cluster (combining marks, joiners, prepended and spacing marks, emoji modifiers) is at or
/// above U+0300, whose UTF-8 lead byte is 0xCC or more; accented Latin letters are below it.
/// Fast paths call these and fall back to the `Character` code when either says no.
enum GraphemeSafety {
    /// Whether the scalar starting at `bytes[index]` (if any) cannot join the one before it.
    static func startsFreshCluster<C: Collection>(_ bytes: C, at index: C.Index) -> Bool where C.Element == UInt8 {
        index == bytes.endIndex || bytes[index] < 0xCC
    }

    /// Whether the scalar ending just before `bytes[index]` (if any) cannot join the one after it.
    static func endsCluster<C: BidirectionalCollection>(_ bytes: C, before index: C.Index) -> Bool where C.Element == UInt8 {
        var i = index
        while i != bytes.startIndex {
            i = bytes.index(before: i)
            // Skip continuation bytes (10xxxxxx) back to the scalar's lead byte.
            if bytes[i] & 0xC0 != 0x80 { return bytes[i] < 0xCC }
        }
        return true
    }
}
