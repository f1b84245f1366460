import Foundation

/// Runs independent rendering jobs on `parallelism` threads. Results come back in job order,
/// whatever the interleaving, so the output is byte-identical with one core or many.
enum RenderJobs {
    typealias Job = @Sendable (inout Diagnostics) -> [OutputFile]

    /// Each job's files and diagnostics, in job order.
    static func run(_ jobs: [Job], parallelism: Int) -> [(files: [OutputFile], diagnostics: Diagnostics)] {
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

        func collected() -> [(files: [OutputFile], diagnostics: Diagnostics)] {
            lock.lock()
            defer { lock.unlock() }
            return Array(zip(files, diagnostics))
        }
    }
}
