import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starts and reaps child processes with `posix_spawn` and `waitpid`. Foundation's `Process`
/// relies on a child-exit monitor that does not run inside the test process here (children
/// stayed zombies), so tests manage their children themselves.
public enum Spawn {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `path` with `arguments`; standard output and error go to `logPath` (appended),
    /// standard input is /dev/null.
    public static func start(_ path: String, _ arguments: [String], environment: [String: String], logPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test process blocks some signals on its threads; a child must start with none
        // blocked and default handlers, or tools timed by SIGALRM (pgbench -T) never stop.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(description: "posix_spawn \(path) failed: \(result)") }
        return pid
    }

    /// The exit status if the child has ended (reaping it), nil while it runs. A child killed
    /// by a signal reports 128 + the signal number, as shells do.
    public static func poll(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return result == -1 ? -1 : nil }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Waits up to `timeout` for the child to end.
    public static func wait(_ pid: pid_t, timeout: Duration) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = poll(pid) { return status }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Runs a command to its end and returns its exit status and output (nil status: timed out, killed).
    public static func output(_ path: String, _ arguments: [String], environment: [String: String], timeout: Duration = .seconds(120)) async throws -> (status: Int32?, output: String) {
        let log = NSTemporaryDirectory() + "talkhub-spawn-\(UUID().uuidString).log"
        let pid = try start(path, arguments, environment: environment, logPath: log)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let status = try await wait(pid, timeout: timeout)
        if status == nil {
            kill(pid, SIGKILL)
            _ = try? await wait(pid, timeout: .seconds(5))
        }
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// Runs a command to its end (for helper scripts); throws unless it exits 0.
    public static func run(_ path: String, _ arguments: [String], environment: [String: String], timeout: Duration = .seconds(120)) async throws {
        let log = NSTemporaryDirectory() + "talkhub-spawn-\(UUID().uuidString).log"
        let pid = try start(path, arguments, environment: environment, logPath: log)
        defer { try? FileManager.default.removeItem(atPath: log) }
        guard let status = try await wait(pid, timeout: timeout) else {
            kill(pid, SIGKILL)
            _ = try? await wait(pid, timeout: .seconds(5))
            throw Failure(description: "\(path) \(arguments.joined(separator: " ")) timed out")
        }
        guard status == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(description: "\(path) \(arguments.joined(separator: " ")) exited \(status): \(output.suffix(2000))")
        }
    }
}
