/// `body` over `text`'s UTF-8 bytes: in place when the string is native (no copy of it to retain and
/// release, nor String's index machinery per byte), else over a contiguous copy. Code that reads tens
/// of thousands of paths or keys byte by byte goes through here.
func withUTF8Bytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return try copy.withUTF8(body)
}
