/// A drawable item waiting for its row: its horizontal extent (shape and label), the
/// full text for its `<title>`, and how to draw it once the row's centre line is known.
struct SVGPlacedItem {
    var from: Double
    var to: Double
    var title: String
    var draw: (_ centre: Double) -> String

    init(from: Double, to: Double, title: String, draw: @escaping (_ centre: Double) -> String) {
        self.from = from
        self.to = to
        self.title = title
        self.draw = draw
    }

    /// A group whose first child is `<title>`: the tooltip and the accessible name
    /// keep the full label even when the drawn one is shortened.
    func rendered(centre: Double) -> String {
        "<g><title>\(SVGMarkup.escape(title))</title>\(draw(centre))</g>"
    }
}
