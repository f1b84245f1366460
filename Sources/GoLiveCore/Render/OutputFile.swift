import Foundation

/// One file of the output folder, fully rendered in memory before anything is written.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output folder, `/`-separated.
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
