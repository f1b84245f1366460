import Mustache

/// Text values print as themselves, handed to Mustache directly. Without this, Mustache prints a
/// `String` through `String(describing:)` after failing three casts (template, custom-renderable,
/// lambda) and a fourth for optionals, 2.7 % of a build's instructions. The text it
/// prints is the same, escaped by the template's content type as before; sections, inverted sections
/// and transforms see the same `String` (tested against a value that takes the default path).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
