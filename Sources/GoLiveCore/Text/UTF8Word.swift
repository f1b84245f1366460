/// Up to eight bytes of UTF-8 as a big-endian integer, zeros after fewer: two byte strings whose words
/// differ are in the order of their words, so a sort of tens of thousands of keys compares integers and
/// looks at the strings only when the words are equal.
func utf8Word<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var value: UInt64 = 0
    var count = 0
    for byte in bytes.prefix(8) {
        value = value << 8 | UInt64(byte)
        count += 1
    }
    return value << (8 * (8 - count))
}
