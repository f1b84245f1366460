import Foundation

/// The Mustache context of one announcement, in the audience's language. Every key is always
/// present, so a built-in template never triggers a missing-key warning: an absent text is
/// `false` (a section `{{#summary}}…{{/summary}}` then renders nothing), an absent list is `[]`,
/// and each list that a template introduces with a heading has a `hasX` flag.
/// The keys are listed in docs/communications.md.
struct MessageContext {
    let plan: Plan
    let planned: Planned
    let message: ScheduledMessage
    let audience: Audience
    let wave: Wave
    /// What every message of this audience shows alike, computed once for all of them.
    let shared: AudienceValues

    var language: Language { audience.language }

    /// The keys that depend on the audience and the plan but not on the message: an audience
    /// gets about six messages, which used to rebuild all of these (sessions sorted, lists mapped) each time.
    struct AudienceValues {
        let product: String
        let decider: Any
        let firstSession: CivilDate?
        /// The feedback this audience is shown, answered, fixed or a tip (by date, then id), and open:
        /// each message shows the entries dated up to its send.
        let learned: [FeedbackEntry], openPoints: [FeedbackEntry]
        /// Every key below, ready to be merged into each message's context.
        let values: [String: Any]

        init(plan: Plan, planned: Planned, audience: Audience, wave: Wave) {
            let l = audience.language
            let j = wave.date
            product = MessageWords.product(plan.project)
            decider = plan.decision.by.flatMap(MessageContext.nonEmpty).map { MessageWords.decider($0, l) } ?? false
            firstSession = MessageDocuments.firstSession(of: audience.id, planned)?.date
            let digest = FeedbackDigest.for(audience: audience.id, plan: plan)
            learned = (digest.answered + digest.fixed + digest.tips).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            openPoints = digest.open
            var c: [String: Any] = [:]
            c.reserveCapacity(64)
            MessageContext.textList(&c, "benefits", plan.project.benefits)
            MessageContext.textList(&c, "changes", audience.changes)
            MessageContext.textList(&c, "actions", audience.actions)
            MessageContext.textList(&c, "unchanged", audience.unchanged)
            MessageContext.textList(&c, "waveScope", wave.scope)
            MessageContext.list(&c, "faq", audience.faq.map { ["question": $0.question, "answer": $0.answer] })
            MessageContext.list(&c, "relays", audience.relays.map {
                ["name": $0.name, "role": MessageContext.text($0.role), "email": MessageContext.text($0.email),
                 "details": MessageContext.relayDetails(role: $0.role, email: $0.email)]
            })
            MessageContext.list(&c, "contacts", plan.roles.compactMap { role -> [String: Any]? in
                guard let person = role.person else { return nil }
                return ["role": role.name, "name": person.name, "email": MessageContext.text(person.email),
                        "phone": MessageContext.text(person.phone),
                        "details": MessageContext.contactDetails(phone: person.phone)]
            })
            MessageContext.list(&c, "supportTeams", (plan.support?.teams ?? []).map {
                ["name": $0.name, "scope": MessageContext.text($0.scope), "contact": MessageContext.text($0.contact),
                 "details": MessageContext.supportDetails(scope: $0.scope, contact: $0.contact, l)]
            })
            MessageContext.list(&c, "guides", MessageContext.guides(plan, l))
            let hypercare = plan.postGoLive?.hypercare
            c["hypercareContact"] = MessageContext.text(hypercare?.contact)
            c["hypercareUntil"] = hypercare.map { DateWords.longDate($0.until.resolve(j: j), l) } ?? false
            MessageContext.trainingValues(&c, plan: plan, planned: planned, audience: audience, wave: wave)
            values = c
        }
    }

    /// Every key of the message: `shared.values` overlaid with `messageValues()`.
    func values() -> [String: Any] {
        shared.values.merging(messageValues()) { _, own in own }
    }

    /// The keys that depend on the message itself. A message renders with these looked up first and
    /// `shared.values` second, so the forty audience-level keys are not copied into every message.
    func messageValues() -> [String: Any] {
        let l = language
        let j = wave.date
        let product = shared.product
        let send = message.send.moment
        let window = wave.window
        var c: [String: Any] = [:]
        c.reserveCapacity(40)
        c["code"] = plan.project.code
        c["product"] = product
        c["subject"] = MessageWords.subject(template: message.template, code: plan.project.code, product: product,
                                            j: j, sendDay: send.date, l)
        c["greeting"] = MessageWords.greeting(l)
        c["organisation"] = Self.text(plan.project.organisation)
        c["summary"] = Self.text(plan.project.summary)
        c["audience"] = audience.name
        c["headcount"] = audience.headcount
        c["channel"] = Words.channel(message.channel, l)
        c["sendDate"] = DateWords.longDate(send.date, l)
        c["wave"] = wave.name
        c["goLiveDate"] = DateWords.longDate(j, l)
        c["goLiveWhen"] = MessageWords.goLiveWhen(j, from: send.date, l)
        c["cutover"] = DateWords.span(from: pair(window.opens(j: j)), to: pair(window.closes(j: j)), l)
        c["cutoverStart"] = words(window.opens(j: j))
        c["cutoverEnd"] = words(window.closes(j: j))
        c["workStopsAt"] = workStopsAt().map { words($0) } ?? false
        c["sender"] = message.sender.flatMap(Self.nonEmpty) ?? MessageWords.defaultSender(product: product, l)
        c["isDraft"] = plan.decision.status == .pending
        c["decisionDate"] = plan.decision.date.map { DateWords.longDate($0, l) } ?? false
        c["decisionBy"] = Self.text(plan.decision.by)
        c["decider"] = shared.decider
        // For the postponement: whether people have already been trained (their first session
        // is before the message, i.e. the decision) or their sessions are still to come.
        c["trainingTaken"] = shared.firstSession.map { $0 < send.date } ?? false
        c["trainingAhead"] = shared.firstSession.map { $0 >= send.date } ?? false
        feedbackValues(&c)
        return c
    }

    // MARK: - Training

    private static func trainingValues(_ c: inout [String: Any], plan: Plan, planned: Planned, audience: Audience, wave: Wave) {
        let l = audience.language
        let training = plan.training
        let modules = audience.modules.compactMap { training?.module($0.value) }
        let all = sessions(plan: plan, planned: planned, audience: audience)
        list(&c, "modules", modules.map { m -> [String: Any] in
            let own = all.filter { $0.moduleID == m.id }.map(\.values)
            let duration = DateWords.duration(minutes: m.durationMinutes, l), format = MessageWords.format(m.format, l)
            return ["title": m.title, "duration": duration, "format": format, "summary": text(m.summary),
                    "details": moduleDetails(duration: duration, format: format, summary: m.summary, l),
                    "elearning": m.format == .elearning, "sessions": own, "hasSessions": !own.isEmpty]
        })
        c["needsSessions"] = modules.contains { $0.format != .elearning }
        c["hasElearning"] = modules.contains { $0.format == .elearning }
        c["trainingDeadline"] = training.map { DateWords.longDate($0.windowTo.resolve(j: wave.date), l) } ?? false
        list(&c, "sessions", all.map(\.values))
    }

    /// The plan's guides as this audience reads them: the title of its language's variant, and a
    /// link from `<audience>/comms/` to its own guide page when one is produced (`../guide.html`
    /// for the first guide, `../guide-<id>.html` for the others).
    private static func guides(_ plan: Plan, _ language: Language) -> [[String: Any]] {
        let first = plan.guides.first?.id
        return plan.guides.map { ref -> [String: Any] in
            guard let source = plan.guideSources[ref.id], let base = source.base else {
                return ["title": ref.title, "version": ref.version, "link": false]
            }
            let document = source.documents[language] ?? base
            let page = ref.id == first ? "guide" : "guide-\(ref.id)"
            return ["title": document.title.flatMap(Self.nonEmpty) ?? ref.title, "version": ref.version,
                    "link": "../\(page).html"]
        }
    }

    /// The audience's scheduled classroom and remote sessions, in date order, when the training plan exists.
    /// Keys: `module`, `session` ("session 2 sur 15"), `when` ("Vendredi 26 février, de 9 h à 11 h"),
    /// `place`, `trainer`, `seats`.
    private static func sessions(plan: Plan, planned: Planned, audience: Audience) -> [(moduleID: String, values: [String: Any])] {
        let l = audience.language
        guard planned.training != nil else { return [] }
        let mine = (planned.sessionsByAudience[audience.id] ?? []).filter { $0.format != .elearning }
        return mine.compactMap { s -> (CivilDate, TimeOfDay, String, [String: Any])? in
            guard let date = s.date, let start = s.start, let end = s.end else { return nil }
            let trainer = s.trainerID.flatMap { id in plan.training?.trainers.first { $0.id == id }?.name }
            let when = MessageWords.sessionTime(date, start, end, l)
            let place = MessageWords.place(site: s.site, room: s.roomID, remote: s.format == .remote, l)
            return (date, start, s.moduleID, [
                "module": plan.training?.module(s.moduleID)?.title ?? s.moduleID,
                "session": MessageWords.session(s.number, of: s.of, l),
                "when": when,
                "place": place,
                "trainer": text(trainer),
                "seats": s.seats,
                "line": sessionLine(when: when, place: place, trainer: trainer, seats: s.seats, l),
            ])
        }
        .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        .map { ($0.2, $0.3) }
    }

    // MARK: - Preformatted item values

    // Each `{{#key}}…{{.}}…{{/key}}` section inside a loop costs Mustache a lookup, a context copy and a
    // second lookup per item of every message; these values print the same text in one lookup. The
    // template escapes them, and Markdown escaping works character by character, so escaping the
    // joined text gives what escaping each part gave.

    /// `{{#role}}, {{.}}{{/role}}{{#email}} — {{.}}{{/email}}`
    static func relayDetails(role: String?, email: String?) -> String {
        (role.flatMap(nonEmpty).map { ", " + $0 } ?? "") + (email.flatMap(nonEmpty).map { " — " + $0 } ?? "")
    }

    /// `{{#phone}}, {{.}}{{/phone}}`
    static func contactDetails(phone: String?) -> String {
        phone.flatMap(nonEmpty).map { ", " + $0 } ?? ""
    }

    /// `{{#scope}} ({{.}}){{/scope}}{{#contact}}: {{.}}{{/contact}}` (` : ` in French)
    static func supportDetails(scope: String?, contact: String?, _ l: Language) -> String {
        (scope.flatMap(nonEmpty).map { " (" + $0 + ")" } ?? "")
            + (contact.flatMap(nonEmpty).map { (l == .fr ? " : " : ": ") + $0 } ?? "")
    }

    /// `{{duration}}, {{format}}{{#summary}}: {{.}}{{/summary}}` (` : ` in French)
    static func moduleDetails(duration: String, format: String, summary: String?, _ l: Language) -> String {
        duration + ", " + format + (summary.flatMap(nonEmpty).map { (l == .fr ? " : " : ": ") + $0 } ?? "")
    }

    /// `{{when}}{{#place}}, {{.}}{{/place}}{{#trainer}}, with {{.}}{{/trainer}} ({{seats}} seats)`, in French
    /// `, avec …` and `places`. `place` is always text, and Mustache renders a section on "" too.
    static func sessionLine(when: String, place: String, trainer: String?, seats: Int, _ l: Language) -> String {
        let with = l == .fr ? ", avec " : ", with ", unit = l == .fr ? " places)" : " seats)"
        return when + ", " + place + (trainer.flatMap(nonEmpty).map { with + $0 } ?? "") + " (" + String(seats) + unit
    }

    // MARK: - Feedback

    /// "You told us / we did": what was answered or fixed, and what is still open (with its workaround),
    /// for this audience or everyone, as known on the send date.
    private func feedbackValues(_ c: inout [String: Any]) {
        let known = { (f: FeedbackEntry) in f.date <= message.send.moment.date }
        func item(_ f: FeedbackEntry) -> [String: Any] { ["question": f.text, "answer": Self.text(f.answer)] }
        Self.list(&c, "learned", shared.learned.filter(known).map(item))
        Self.list(&c, "openPoints", shared.openPoints.filter(known).map(item))
    }

    // MARK: - Helpers

    /// When people must stop working in the old tool: the first runbook step, or the window opening.
    private func workStopsAt() -> LocalMoment? {
        let opens = wave.window.opens(j: wave.date)
        let first = plan.runbook.map { $0.start.resolve(j: wave.date, defaultTime: opens.time) }.min()
        guard let first else { return opens }
        return min(first, opens)
    }

    private func words(_ m: LocalMoment) -> String { DateWords.moment(m.date, m.time, language) }

    private func pair(_ m: LocalMoment) -> (CivilDate, TimeOfDay) { (m.date, m.time) }

    /// A list of texts, with `<key>Lines`: the bullet lines the built-in templates print in one value.
    private static func textList(_ c: inout [String: Any], _ key: String, _ items: [String]) {
        list(&c, key, items)
        c[key + "Lines"] = Preformatted.bulletLines(items)
    }

    private static func list(_ c: inout [String: Any], _ key: String, _ items: [Any]) {
        c[key] = items
        c["has" + key.prefix(1).uppercased() + key.dropFirst()] = !items.isEmpty
    }

    // Static, like `text`: a method reference to an instance method would copy the whole context.
    static func nonEmpty(_ s: String) -> String? {
        // One printable ASCII byte settles it without bridging to Foundation, which every value paid.
        if s.utf8.contains(where: { $0 > 0x20 && $0 < 0x80 }) { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
    }

    /// A text value, or `false` when absent so that `{{#key}}…{{/key}}` skips it.
    static func text(_ s: String?) -> Any { s.flatMap(Self.nonEmpty) ?? false }
}
