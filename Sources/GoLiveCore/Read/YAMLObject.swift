import Yams

/// A YAML mapping read field by field. Every getter reports what is wrong with the field,
/// at the field's position, and returns nil so the caller carries on and finds the next problem.
struct YAMLObject {
    struct Entry {
        let key: String
        let keyLocation: SourceLocation
        let value: YAMLValue
    }

    let entries: [Entry]
    let location: SourceLocation
    /// How messages name this object: "project", "runbook step 'freeze'".
    let context: String

    init?(_ value: YAMLValue, context: String, _ d: inout Diagnostics) {
        guard case .mapping(let mapping) = value.node else {
            d.error(value.location, "\(context) must be a mapping of 'key: value' lines, found \(value.kindDescription)")
            return nil
        }
        var entries: [Entry] = []
        for (key, node) in mapping {
            let keyValue = YAMLValue(node: key, file: value.file)
            guard let name = keyValue.scalarText else {
                d.error(keyValue.location, "\(context): keys must be plain words, found \(keyValue.kindDescription)")
                continue
            }
            entries.append(Entry(key: name, keyLocation: keyValue.location, value: YAMLValue(node: node, file: value.file)))
        }
        self.entries = entries
        self.location = value.location
        self.context = context
    }

    subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }.flatMap { $0.value.isNull ? nil : $0.value }
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// Unknown keys are errors: a typo in `audiences` must not silently drop a whole block.
    func checkKeys(_ allowed: [String], _ d: inout Diagnostics) {
        for entry in entries where !allowed.contains(entry.key) {
            var message = "\(context): unknown key '\(entry.key)'"
            if let guess = Suggest.closest(to: entry.key, in: allowed) {
                message += "; did you mean '\(guess)'?"
            } else {
                message += "; expected one of: \(allowed.joined(separator: ", "))"
            }
            d.error(entry.keyLocation, message)
        }
    }

    func missing(_ key: String, _ d: inout Diagnostics) {
        d.error(location, "\(context): missing required field '\(key)'")
    }

    // MARK: scalars

    func string(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> Located<String>? {
        guard let value = self[key] else {
            if required { missing(key, &d) }
            return nil
        }
        return YAMLObject.text(value, what: "'\(key)' in \(context)", &d)
    }

    static func text(_ value: YAMLValue, what: String, _ d: inout Diagnostics) -> Located<String>? {
        guard let text = value.scalarText else {
            d.error(value.location, "\(what) must be text, found \(value.kindDescription)")
            return nil
        }
        return Located(text, at: value.location)
    }

    func int(_ key: String, required: Bool = false, min: Int = Int.min, _ d: inout Diagnostics) -> Located<Int>? {
        guard let value = self[key] else {
            if required { missing(key, &d) }
            return nil
        }
        guard value.isPlainScalar, let text = value.scalarText, let number = Int(text) else {
            d.error(value.location, "'\(key)' in \(context) must be a whole number, found \(value.kindDescription)")
            return nil
        }
        guard number >= min else {
            d.error(value.location, "'\(key)' in \(context) must be at least \(min), found \(number)")
            return nil
        }
        return Located(number, at: value.location)
    }

    func bool(_ key: String, _ d: inout Diagnostics) -> Located<Bool>? {
        guard let value = self[key] else { return nil }
        switch value.isPlainScalar ? value.scalarText : nil {
        case "true", "True", "TRUE", "yes": return Located(true, at: value.location)
        case "false", "False", "FALSE", "no": return Located(false, at: value.location)
        default:
            d.error(value.location, "'\(key)' in \(context) must be true or false, found \(value.kindDescription)")
            return nil
        }
    }

    /// One of a closed set of words, with a hint for a near miss.
    func choice<T: RawRepresentable>(_ key: String, _ type: T.Type, required: Bool = false,
                                     _ d: inout Diagnostics) -> Located<T>? where T.RawValue == String, T: CaseIterable {
        guard let text = string(key, required: required, &d) else { return nil }
        return YAMLObject.choice(text, T.self, what: "'\(key)' in \(context)", &d)
    }

    static func choice<T: RawRepresentable>(_ text: Located<String>, _ type: T.Type, what: String,
                                            _ d: inout Diagnostics) -> Located<T>? where T.RawValue == String, T: CaseIterable {
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let options = T.allCases.map(\.rawValue)
        var message = "\(what) must be one of \(options.joined(separator: ", ")), found '\(text.value)'"
        if let guess = Suggest.closest(to: text.value, in: options) { message += "; did you mean '\(guess)'?" }
        d.error(text.location, message)
        return nil
    }

    // MARK: structure

    func list(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> [YAMLValue]? {
        guard let value = self[key] else {
            if required { missing(key, &d) }
            return nil
        }
        guard let items = value.items else {
            d.error(value.location, "'\(key)' in \(context) must be a list, found \(value.kindDescription)")
            return nil
        }
        return items
    }

    func strings(_ key: String, required: Bool = false, _ d: inout Diagnostics) -> [Located<String>] {
        guard let items = list(key, required: required, &d) else { return [] }
        return items.compactMap { YAMLObject.text($0, what: "each item of '\(key)' in \(context)", &d) }
    }

    func object(_ key: String, required: Bool = false, context: String? = nil,
                _ d: inout Diagnostics) -> YAMLObject? {
        guard let value = self[key] else {
            if required { missing(key, &d) }
            return nil
        }
        return YAMLObject(value, context: context ?? "'\(key)'", &d)
    }
}
