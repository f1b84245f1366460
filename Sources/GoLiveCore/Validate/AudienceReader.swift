/// Reads one `audiences/*.yaml` population profile.
struct AudienceReader {
    static let keys = ["id", "name", "language", "headcount", "impact", "wave", "sites", "modules", "channels",
                       "mailing_list", "relays", "changes", "actions", "unchanged", "faq"]

    /// `defaultWave`: the plan's only wave, given to profiles that name none.
    static func read(_ root: YAMLValue?, file: String, fileStem: String, languages: [Language],
                     waveIDs: [String]?, seen: inout [String: SourceLocation], _ d: inout Diagnostics) -> Audience? {
        guard let root else {
            d.error(.file(file), "audience profile is empty: it needs at least 'name' and 'headcount'")
            return nil
        }
        guard let o = YAMLObject(root, context: "audience '\(fileStem)'", &d) else { return nil }
        o.checkKeys(keys, &d)
        let idText = o.string("id", &d) ?? Located(fileStem, at: o.location)
        let id = YAMLObject.checkID(idText, kind: "audience", seen: &seen, &d)
        let name = o.string("name", required: true, &d)
        var language = languages.first ?? .fr
        if let text = o.string("language", &d), let chosen = YAMLObject.choice(text, Language.self, what: "'language'", &d) {
            if languages.contains(chosen.value) {
                language = chosen.value
            } else {
                d.error(text.location, "audience language '\(chosen.value.rawValue)' is not one of the project's languages (\(languages.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let headcount = o.int("headcount", required: true, min: 0, &d)
        let impact = o.choice("impact", Audience.Impact.self, required: true, &d)
        var waveID: String?
        if waveIDs == nil {
            waveID = o.string("wave", &d)?.value ?? ""
        } else if let waveIDs, let wave = o.string("wave", &d) {
            if waveIDs.contains(wave.value) {
                waveID = wave.value
            } else {
                var message = "audience '\(idText.value)' refers to unknown wave '\(wave.value)'"
                if let guess = Suggest.closest(to: wave.value, in: waveIDs) { message += "; did you mean '\(guess)'?" }
                else if !waveIDs.isEmpty { message += " (waves: \(waveIDs.joined(separator: ", ")))" }
                d.error(wave.location, message)
            }
        } else if let waveIDs, waveIDs.count == 1 {
            waveID = waveIDs[0]
        } else if let waveIDs, waveIDs.count > 1 {
            d.error(o.location, "audience '\(idText.value)': missing required field 'wave' (the plan has \(waveIDs.count) waves: \(waveIDs.joined(separator: ", ")))")
        }
        let channels = o.strings("channels", &d).compactMap { YAMLObject.choice($0, Communication.Channel.self, what: "channel", &d)?.value }
        let relays: [Audience.Relay] = o.objects("relays", itemName: "relay", &d).compactMap { r in
            r.checkKeys(["name", "role", "email"], &d)
            guard let name = r.string("name", required: true, &d) else { return nil }
            return Audience.Relay(name: name.value, role: r.string("role", &d)?.value, email: r.email("email", &d))
        }
        let faq: [Audience.FAQ] = o.objects("faq", itemName: "faq entry", &d).compactMap { f in
            f.checkKeys(["q", "a"], &d)
            let q = f.string("q", required: true, &d)
            let a = f.string("a", required: true, &d)
            guard let q, let a else { return nil }
            return Audience.FAQ(question: q.value, answer: a.value)
        }
        let mailingList = o.string("mailing_list", &d)
        if let mailingList, !EmailAddressSyntax.isPlausible(mailingList.value) {
            d.error(mailingList.location, "'mailing_list' in audience '\(idText.value)' must be an e-mail address (e.g. name@example.org), found '\(mailingList.value)'")
        }
        let modules = o.idRefs("modules", &d)
        let sites = o.strings("sites", &d).map(\.value)
        guard let id, let name, let headcount, let impact, let waveID else { return nil }
        return Audience(id: id, name: name.value, language: language, headcount: headcount.value, impact: impact.value,
                        waveID: waveID, sites: sites, modules: modules, channels: channels,
                        mailingList: mailingList?.value, relays: relays,
                        changes: o.strings("changes", &d).map(\.value), actions: o.strings("actions", &d).map(\.value),
                        unchanged: o.strings("unchanged", &d).map(\.value), faq: faq, file: file, location: o.location,
                        relaysLocation: o.entries.first { $0.key == "relays" }?.keyLocation ?? o.location,
                        channelsLocation: o.entries.first { $0.key == "channels" }?.keyLocation ?? o.location)
    }
}

/// Just enough address syntax to keep a header clean: one `local@domain`, no spaces or brackets.
enum EmailAddressSyntax {
    static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[],;:\"\\".unicodeScalars.contains($0) }
    }
}
