import Foundation

/// A `talkhub` process started by a test (workers to kill, gateways to restart). Its output
/// goes to a log file under `.data/test-logs`, named after the test.
public final class TalkHubProcess: @unchecked Sendable {
    public let pid: pid_t
    public let logFile: URL
    private let exitStatus = ExitBox()

    /// The package's root folder, found from this source file.
    public static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" && url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }

    /// The `talkhub` binary that `swift build --build-tests` made next to the tests.
    public static var binary: URL { packageRoot.appendingPathComponent(".build/debug/talkhub") }
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    public init(_ arguments: [String], environment: [String: String], name: String) throws {
        let logs = Self.packageRoot.appendingPathComponent(".data/test-logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        logFile = logs.appendingPathComponent("\(name).log")
        // Never read a developer's .env: the test gives every setting.
        var env = ProcessInfo.processInfo.environment.filter { $0.key == "PATH" || $0.key == "HOME" }
        for (k, v) in environment { env[k] = v }
        pid = try Spawn.start(Self.binary.path, arguments + ["--env-file", "/dev/null"], environment: env, logPath: logFile.path)
    }

    /// The exit status once known (reaped once, remembered after).
    final class ExitBox: @unchecked Sendable {
        private let lock = NSLock()
        private var status: Int32?
        func get(_ pid: pid_t) -> Int32? {
            lock.lock()
            defer { lock.unlock() }
            if status == nil { status = Spawn.poll(pid) }
            return status
        }
    }

    public var isRunning: Bool { exitStatus.get(pid) == nil }

    public func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the process to end; nil when it is still running after `timeout`.
    public func waitForExit(timeout: Duration) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = exitStatus.get(pid) { return status }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops the process for good (SIGKILL after a grace period).
    public func stop() async {
        guard isRunning else { return }
        signal(SIGTERM)
        if (try? await waitForExit(timeout: .seconds(10))) == nil {
            signal(SIGKILL)
            _ = try? await waitForExit(timeout: .seconds(5))
        }
    }

    /// Runs a short `talkhub` command to the end and returns its output.
    public static func output(_ arguments: [String], environment: [String: String]) async throws -> (status: Int32, output: String) {
        let name = "cli-\(UUID().uuidString.prefix(8))"
        let p = try TalkHubProcess(arguments, environment: environment, name: name)
        let status = try await p.waitForExit(timeout: .seconds(30)) ?? -1
        let text = (try? String(contentsOf: p.logFile, encoding: .utf8)) ?? ""
        return (status, text)
    }
}
