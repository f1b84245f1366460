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

    var language: Language { audience.language }

    func values() -> [String: Any] {
        let l = language
        let j = wave.date
        let product = MessageWords.product(plan.project)
        let send = message.send.moment
        let window = wave.window
        var c: [String: Any] = [
            "code": plan.project.code,
            "product": product,
            "subject": MessageWords.subject(template: message.template, code: plan.project.code, product: product,
                                            j: j, sendDay: send.date, l),
            "greeting": MessageWords.greeting(l),
            "organisation": text(plan.project.organisation),
            "summary": text(plan.project.summary),
            "audience": audience.name,
            "headcount": audience.headcount,
            "channel": Words.channel(message.channel, l),
            "sendDate": DateWords.longDate(send.date, l),
            "wave": wave.name,
            "goLiveDate": DateWords.longDate(j, l),
            "goLiveWhen": MessageWords.goLiveWhen(j, from: send.date, l),
            "cutover": DateWords.span(from: pair(window.opens(j: j)), to: pair(window.closes(j: j)), l),
            "cutoverStart": words(window.opens(j: j)),
            "cutoverEnd": words(window.closes(j: j)),
            "workStopsAt": workStopsAt().map { words($0) } ?? false,
            "sender": message.sender.flatMap(Self.nonEmpty) ?? MessageWords.defaultSender(product: product, l),
            "isDraft": plan.decision.status == .pending,
            "decisionDate": plan.decision.date.map { DateWords.longDate($0, l) } ?? false,
            "decisionBy": text(plan.decision.by),
            "decider": plan.decision.by.flatMap(Self.nonEmpty).map { MessageWords.decider($0, l) } ?? false,
        ]
        list(&c, "benefits", plan.project.benefits)
        list(&c, "changes", audience.changes)
        list(&c, "actions", audience.actions)
        list(&c, "unchanged", audience.unchanged)
        list(&c, "waveScope", wave.scope)
        list(&c, "faq", audience.faq.map { ["question": $0.question, "answer": $0.answer] })
        list(&c, "relays", audience.relays.map { ["name": $0.name, "role": text($0.role), "email": text($0.email)] })
        list(&c, "contacts", plan.roles.compactMap { role -> [String: Any]? in
            guard let person = role.person else { return nil }
            return ["role": role.name, "name": person.name, "email": text(person.email), "phone": text(person.phone)]
        })
        list(&c, "supportTeams", (plan.support?.teams ?? []).map {
            ["name": $0.name, "scope": text($0.scope), "contact": text($0.contact)]
        })
        list(&c, "guides", guides())
        let hypercare = plan.postGoLive?.hypercare
        c["hypercareContact"] = text(hypercare?.contact)
        c["hypercareUntil"] = hypercare.map { DateWords.longDate($0.until.resolve(j: j), l) } ?? false
        trainingValues(&c)
        feedbackValues(&c)
        return c
    }

    // MARK: - Training

    private func trainingValues(_ c: inout [String: Any]) {
        let l = language
        let training = plan.training
        let modules = audience.modules.compactMap { training?.module($0.value) }
        let all = sessions()
        list(&c, "modules", modules.map { m -> [String: Any] in
            let own = all.filter { $0.moduleID == m.id }.map(\.values)
            return ["title": m.title, "duration": DateWords.duration(minutes: m.durationMinutes, l),
                    "format": MessageWords.format(m.format, l), "summary": text(m.summary),
                    "elearning": m.format == .elearning, "sessions": own, "hasSessions": !own.isEmpty]
        })
        c["needsSessions"] = modules.contains { $0.format != .elearning }
        c["hasElearning"] = modules.contains { $0.format == .elearning }
        c["trainingDeadline"] = training.map { DateWords.longDate($0.windowTo.resolve(j: wave.date), l) } ?? false
        list(&c, "sessions", all.map(\.values))
        // For the postponement: whether people have already been trained (their first session
        // is before the message, i.e. the decision) or their sessions are still to come.
        let first = MessageDocuments.firstSession(of: audience.id, planned)?.date
        c["trainingTaken"] = first.map { $0 < message.send.moment.date } ?? false
        c["trainingAhead"] = first.map { $0 >= message.send.moment.date } ?? false
    }

    /// The plan's guides as this audience reads them: the title of its language's variant, and a
    /// link from `<audience>/comms/` to its own guide page when one is produced (`../guide.html`
    /// for the first guide, `../guide-<id>.html` for the others).
    private func guides() -> [[String: Any]] {
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
    private func sessions() -> [(moduleID: String, values: [String: Any])] {
        let l = language
        guard planned.training != nil else { return [] }
        let mine = (planned.sessionsByAudience[audience.id] ?? []).filter { $0.format != .elearning }
        return mine.compactMap { s -> (CivilDate, TimeOfDay, String, [String: Any])? in
            guard let date = s.date, let start = s.start, let end = s.end else { return nil }
            let trainer = s.trainerID.flatMap { id in plan.training?.trainers.first { $0.id == id }?.name }
            return (date, start, s.moduleID, [
                "module": plan.training?.module(s.moduleID)?.title ?? s.moduleID,
                "session": MessageWords.session(s.number, of: s.of, l),
                "when": MessageWords.sessionTime(date, start, end, l),
                "place": MessageWords.place(site: s.site, room: s.roomID, remote: s.format == .remote, l),
                "trainer": text(trainer),
                "seats": s.seats,
            ])
        }
        .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        .map { ($0.2, $0.3) }
    }

    // MARK: - Feedback

    /// "You told us / we did": what was answered or fixed, and what is still open (with its workaround),
    /// for this audience or everyone, as known on the send date.
    private func feedbackValues(_ c: inout [String: Any]) {
        let digest = FeedbackDigest.for(audience: audience.id, plan: plan)
        let known = { (f: FeedbackEntry) in f.date <= message.send.moment.date }
        func item(_ f: FeedbackEntry) -> [String: Any] { ["question": f.text, "answer": text(f.answer)] }
        let done = (digest.answered + digest.fixed + digest.tips).filter(known).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        list(&c, "learned", done.map(item))
        list(&c, "openPoints", digest.open.filter(known).map(item))
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

    private func list(_ c: inout [String: Any], _ key: String, _ items: [Any]) {
        c[key] = items
        c["has" + key.prefix(1).uppercased() + key.dropFirst()] = !items.isEmpty
    }

    // Static, like `text`: a method reference to an instance method would copy the whole context.
    private static func nonEmpty(_ s: String) -> String? {
        // One printable ASCII byte settles it without bridging to Foundation, which every value paid.
        if s.utf8.contains(where: { $0 > 0x20 && $0 < 0x80 }) { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
    }

    /// A text value, or `false` when absent so that `{{#key}}…{{/key}}` skips it.
    private func text(_ s: String?) -> Any { s.flatMap(Self.nonEmpty) ?? false }
}
