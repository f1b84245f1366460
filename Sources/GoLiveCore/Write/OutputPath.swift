/// Output and input paths built from ids or written by users must stay inside their folder.
public enum OutputPath {
    /// A relative path of plain segments: no `..`, no absolute path, no empty or hidden segment, no backslash.
    public static func isSafeRelative(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".." && !segment.hasPrefix(".")
        }
    }
}
