/// Reads first feedback from `feedback/*.yaml` (a list of entries) and `feedback/*.csv` (a ticketing
/// or survey export). Both become the same fields, then the same checks.
enum FeedbackReader {
    static let columns = ["id", "date", "audience", "guide", "section", "kind", "text", "answer", "status"]
    static let required = ["id", "date", "audience", "guide", "section", "kind", "text", "status"]

    static func readYAML(_ root: YAMLValue?, file: String, seen: inout [String: SourceLocation],
                         _ d: inout Diagnostics) -> [FeedbackEntry] {
        guard let root else { return [] }
        guard let items = root.items else {
            d.error(root.location, "a feedback file holds a list of entries (each starting with '- id: …'), found \(root.kindDescription)")
            return []
        }
        return items.compactMap { item in
            guard let o = YAMLObject(item, context: "feedback entry", &d) else { return nil }
            o.checkKeys(columns, &d)
            var fields: [String: Located<String>] = [:]
            for column in columns {
                if let value = o.string(column, &d) { fields[column] = value }
            }
            return entry(fields, at: o.location, seen: &seen, &d)
        }
    }

    static func readCSV(_ text: String, file: String, seen: inout [String: SourceLocation],
                        _ d: inout Diagnostics) -> [FeedbackEntry] {
        let table: CSVTable
        do {
            table = try CSVReader.parse(text)
        } catch {
            d.error(SourceLocation(file: file, line: error.line, column: error.column), "CSV: \(error.message)")
            return []
        }
        var index: [String: Int] = [:]
        for (i, field) in table.header.enumerated() {
            let name = field.value.trimmingSpaces.lowercased()
            let location = SourceLocation(file: file, line: field.line, column: field.column)
            if !columns.contains(name) {
                var message = "CSV: unknown column '\(field.value)'"
                if let guess = Suggest.closest(to: name, in: columns) { message += "; did you mean '\(guess)'?" }
                else { message += "; expected columns: \(columns.joined(separator: ", "))" }
                d.error(location, message)
            } else if index[name] != nil {
                d.error(location, "CSV: column '\(name)' appears twice")
            } else {
                index[name] = i
            }
        }
        let headerLine = table.header.first?.line ?? 1
        for column in required where index[column] == nil {
            d.error(SourceLocation(file: file, line: headerLine, column: 1), "CSV: missing required column '\(column)'")
        }
        guard required.allSatisfy({ index[$0] != nil }) else { return [] }
        return table.rows.compactMap { row in
            guard let first = row.first else { return nil }
            var fields: [String: Located<String>] = [:]
            for (name, i) in index where i < row.count {
                let cell = row[i]
                if !cell.value.trimmingSpaces.isEmpty {
                    fields[name] = Located(cell.value, at: SourceLocation(file: file, line: cell.line, column: cell.column))
                }
            }
            return entry(fields, at: SourceLocation(file: file, line: first.line, column: 1), seen: &seen, &d)
        }
    }

    private static func entry(_ fields: [String: Located<String>], at location: SourceLocation,
                              seen: inout [String: SourceLocation], _ d: inout Diagnostics) -> FeedbackEntry? {
        for column in required where fields[column] == nil {
            d.error(location, "feedback entry: missing required field '\(column)'")
        }
        let id = fields["id"].flatMap { YAMLObject.checkID($0, kind: "feedback", seen: &seen, &d) }
        let date = fields["date"].flatMap { YAMLObject.date($0, what: "feedback 'date'", &d) }
        let kind = fields["kind"].flatMap { YAMLObject.choice($0, FeedbackEntry.Kind.self, what: "feedback 'kind'", &d) }
        let status = fields["status"].flatMap { YAMLObject.choice($0, FeedbackEntry.Status.self, what: "feedback 'status'", &d) }
        guard let id, let date, let kind, let status, let audience = fields["audience"], let guide = fields["guide"],
              let section = fields["section"], let text = fields["text"] else { return nil }
        return FeedbackEntry(id: id, date: date, audience: audience.value == "all" ? nil : audience.value,
                             guide: guide.value, section: section, kind: kind.value, text: text.value,
                             answer: fields["answer"]?.value, status: status.value, location: location,
                             audienceLocation: audience.location, guideLocation: guide.location)
    }
}
