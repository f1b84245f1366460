import Foundation

/// Every announcement for every audience: `out/<audience>/comms/<date>-<message>.md|html|eml`,
/// plus the comms team's exports of the same schedule (`comms-plan.csv`, `comms-calendar.ics`).
struct MessageDocuments {
    /// For one audience's messages, a plan holding only the feedback that audience reads.
    let plan: Plan
    let planned: Planned
    let pages: PageRenderer

    /// `messages`: the scheduled messages to render (`MessageSchedule.messages`), usually one audience's.
    func render(_ messages: [ScheduledMessage], _ d: inout Diagnostics) -> [OutputFile] {
        // The sender most drafts use (the `comms` or `pmo` person), parsed once, not once per message.
        let defaultFrom = Self.defaultFrom(plan)
        var outputs: [OutputFile] = []
        outputs.reserveCapacity(messages.count * 3)
        var shared: [String: MessageContext.AudienceValues] = [:]
        for message in messages {
            guard let audience = plan.audience(message.send.audienceID), let wave = plan.wave(message.send.waveID) else { continue }
            checkTrainingInvitation(message, audience: audience, &d)
            // Keyed by audience and wave: a message's wave is its audience's, but nothing here relies on it.
            let key = audience.id + "\u{0}" + wave.id
            let values = shared[key] ?? MessageContext.AudienceValues(plan: plan, planned: planned, audience: audience, wave: wave)
            shared[key] = values
            outputs += render(message, audience: audience, wave: wave, shared: values, defaultFrom: defaultFrom, &d)
        }
        return outputs
    }

    private func render(_ message: ScheduledMessage, audience: Audience, wave: Wave,
                        shared: MessageContext.AudienceValues, defaultFrom: EmailAddress?,
                        _ d: inout Diagnostics) -> [OutputFile] {
        let l = audience.language
        var context = MessageContext(plan: plan, planned: planned, message: message, audience: audience, wave: wave,
                                     shared: shared).messageValues()
        context["project"] = plan.project.name
        context["lang"] = l.rawValue
        let markdown = pages.templates.render(message.template, language: l, context: context, shared: shared.values, &d)
        let (fragment, heading) = Cmark.htmlAndTitle(markdown)
        let subject = Self.subject(heading: heading, fallback: context["subject"] as? String ?? "", code: plan.project.code)
        let pending = plan.decision.status == .pending
        let banner = pending ? Words.draftBanner(l) : nil
        let document = pages.withDraftBanner(markdown, l)
        let html = pages.htmlPage(fragment: fragment, stem: message.stem, title: subject, language: l, &d)
        let email = EmailMessage(
            from: message.from.flatMap(EmailAddress.parse) ?? defaultFrom,
            to: recipients(audience),
            subject: (pending ? "[DRAFT] " : "") + subject,
            date: ZonedTime.instant(message.send.moment, in: zone),
            timeZone: zone,
            messageID: ICSWriter.uidSafe([plan.project.code, message.send.communicationID, audience.id]),
            textBody: EmailPlainText.decodingEntities(document),
            htmlBody: EmailHTML.document(fragment: fragment, title: subject, language: l.rawValue,
                                         preheader: MessageWords.preheader(wave: wave.name, goLive: DateWords.longDate(wave.date, l), l),
                                         banner: banner))
        return [OutputFile(path: message.stem + ".md", text: document),
                OutputFile(path: message.stem + ".html", text: html),
                OutputFile(path: message.stem + ".eml", text: EMLWriter.render(email))]
    }

    /// A training invitation must reach the audience before its first session, or nobody can book it.
    private func checkTrainingInvitation(_ message: ScheduledMessage, audience: Audience, _ d: inout Diagnostics) {
        guard message.template == "announcement/training",
              let first = Self.firstSession(of: audience.id, planned), message.send.moment.date >= first.date else { return }
        let communication = plan.communications.first { $0.id == message.send.communicationID }
        d.warning(communication?.location ?? .file("plan.yaml"),
                  "communication '\(message.send.communicationID)' invites audience '\(audience.id)' to its training "
                  + "on \(message.send.moment.date) at \(message.send.moment.time), but its first session is on "
                  + "\(first.date) at \(first.time): send it earlier so people can book a seat")
    }

    /// The audience's first classroom or remote session, when the training plan exists.
    static func firstSession(of audienceID: String, _ planned: Planned) -> LocalMoment? {
        (planned.sessionsByAudience[audienceID] ?? [])
            .filter { $0.format != .elearning }
            .compactMap { s in s.date.flatMap { date in s.start.map { LocalMoment(date: date, time: $0) } } }
            .min()
    }

    /// The `From:` of the draft: the communication's `from`, else the person of the role `comms`,
    /// else of the role `pmo`; none when no valid address is known (the mail client then uses
    /// the account that sends it).
    static func from(_ message: ScheduledMessage, plan: Plan) -> EmailAddress? {
        if let written = message.from, let mailbox = EmailAddress.parse(written) { return mailbox }
        return defaultFrom(plan)
    }

    /// The person of the role `comms`, else of the role `pmo`, with a valid address.
    static func defaultFrom(_ plan: Plan) -> EmailAddress? {
        for id in ["comms", "pmo"] {
            guard let person = plan.roles.first(where: { $0.id == id })?.person, let email = person.email,
                  var mailbox = EmailAddress.parse(email) else { continue }
            if mailbox.name == nil { mailbox.name = person.name }
            return mailbox
        }
        return nil
    }

    private var zone: TimeZone { plan.project.timeZone }

    /// The audience's mailing list, or no recipient: validation already reported a missing or malformed one.
    private func recipients(_ audience: Audience) -> [EmailAddress] {
        let address = EmailAddress(name: audience.name, address: audience.mailingList ?? "")
        return address.isValid ? [address] : []
    }

    /// The message's first level-1 heading as plain text (what a custom template titles its message),
    /// else the built-in subject; always starting with the project code.
    static func subject(of markdown: String, fallback: String, code: String) -> String {
        subject(heading: Cmark.blocks(markdown).first { $0.kind == .heading(level: 1) }?.text, fallback: fallback, code: code)
    }

    /// `heading`: the message's first level-1 heading as plain text, when it has one.
    static func subject(heading: String?, fallback: String, code: String) -> String {
        let text = heading ?? fallback
        let line = isOneTrimmedLine(text) ? text
            : text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if line.isEmpty { return code }
        return line.hasPrefix(code) ? line : "\(code) — \(line)"
    }

    /// Whether splitting at line breaks and trimming spaces would leave `text` as it is, settled on
    /// bytes: every subject of every message comes through here, and Foundation's trimming is slow.
    /// No control byte (so no ASCII line break), no U+0085, U+2028 or U+2029 (`C2 85`, `E2 80 A8|A9`),
    /// and printable ASCII at both ends, which no whitespace scalar can be.
    static func isOneTrimmedLine(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last,
              first > 0x20 && first < 0x7F, last > 0x20 && last < 0x7F else { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return false }
            if previous == 0xC2 && byte == 0x85 { return false }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }
}
