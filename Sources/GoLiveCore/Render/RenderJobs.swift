import Foundation

/// A slice of a family of documents, so one family can be rendered on several cores.
/// Item `i` of a family belongs to shard `i % count`; the first shard also renders the
/// family's shared files (schedules, exports).
struct Shard: Sendable {
    let index: Int
    let count: Int

    static let whole = Shard(index: 0, count: 1)

    func includes(_ item: Int) -> Bool { item % count == index }
    var isFirst: Bool { index == 0 }

    static func all(_ count: Int) -> [Shard] { (0..<max(count, 1)).map { Shard(index: $0, count: max(count, 1)) } }
}

/// Runs independent rendering jobs on `parallelism` threads. Results come back in job order,
/// whatever the interleaving, so the output is byte-identical with one core or many.
enum RenderJobs {
    typealias Job = @Sendable (inout Diagnostics) -> [OutputFile]

    static func run(_ jobs: [Job], parallelism: Int) -> ([OutputFile], Diagnostics) {
        let results = Results(count: jobs.count)
        if parallelism <= 1 || jobs.count <= 1 {
            for (index, job) in jobs.enumerated() { results.run(job, at: index) }
        } else {
            // Jobs are handed out one at a time, so a long one does not hold the others back.
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: min(parallelism, jobs.count)) { _ in
                while let index = next.take(below: jobs.count) { results.run(jobs[index], at: index) }
            }
        }
        return results.collected()
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    /// Each job writes only its own slot; the lock makes those writes visible to the collecting thread.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [[OutputFile]]
        private var diagnostics: [Diagnostics]

        init(count: Int) {
            files = Array(repeating: [], count: count)
            diagnostics = Array(repeating: Diagnostics(), count: count)
        }

        func run(_ job: Job, at index: Int) {
            var d = Diagnostics()
            let produced = job(&d)
            lock.lock()
            files[index] = produced
            diagnostics[index] = d
            lock.unlock()
        }

        func collected() -> ([OutputFile], Diagnostics) {
            lock.lock()
            defer { lock.unlock() }
            var all = Diagnostics()
            for d in diagnostics { all.append(contentsOf: d) }
            return (files.flatMap { $0 }, all)
        }
    }
}
