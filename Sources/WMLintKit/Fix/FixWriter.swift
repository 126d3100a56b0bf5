import Synchronization
import WMLintSource

#if canImport(Glibc)
    import CWMLintYAML
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls ``FixWriter`` makes to write a file, replaceable in tests to inject failures (a full disk).
struct FileWriteOperations: Sendable {
    /// `write(2)`: bytes written, or -1 with `errno` set.
    var write: @Sendable (_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int
    /// `fsync(2)`: 0, or -1 with `errno` set.
    var sync: @Sendable (_ descriptor: Int32) -> Int32
    /// `rename(2)`: 0, or -1 with `errno` set.
    var rename: @Sendable (_ from: String, _ to: String) -> Int32

    /// The real system calls.
    static let system = FileWriteOperations(
        write: { FileSystem.systemWrite($0, $1, $2) },
        sync: { fsync($0) },
        rename: { from, to in
            #if canImport(Glibc)
                Glibc.rename(FileName.cString(from), FileName.cString(to))
            #else
                Darwin.rename(FileName.cString(from), FileName.cString(to))
            #endif
        })
}

/// Writes fixed files in place, atomically (a temporary file, then a rename; the file mode is kept).
///
/// A file is written to a temporary file in its own directory, flushed to disk with `fsync`, given the
/// original's mode (and owner, when the process may set it), then renamed over the original: a reader sees the
/// old bytes or the new ones, never a mix, and on any failure (a read-only file or directory, a full disk, an
/// I/O error) the temporary file is removed, the original is left as it was and the failure is thrown as a
/// ``WMLintError`` (exit 2).
///
/// A file without any write permission bit (`chmod a-w`), or in a directory without one, is refused even
/// when the process could write it anyway (running as root): a read-only mark says the file is not to be
/// changed, and rename would otherwise replace it silently.
///
/// Symbolic links are followed: the link's target is written and the link is kept. Renaming over the link's
/// own path would replace the link with a regular file, cutting it off from the file it shares and that was
/// actually read and linted. (Inputs reached through a link leading out of the project are never read, so they
/// are never fixed either.) Hard links are not kept: the rename gives the path a new inode, as every atomic
/// writer does.
public struct FixWriter: Sendable {
    let operations: FileWriteOperations

    public init() {
        self.operations = .system
    }

    init(operations: FileWriteOperations) {
        self.operations = operations
    }

    /// Writes every changed file of `plan`, each atomically, checking first that it still holds the bytes the
    /// plan was made from.
    ///
    /// Files that can be written are written even when another fails; the failures are then thrown together,
    /// one line each.
    public func write(_ plan: FixPlan) throws(WMLintError) {
        var failures: [String] = []
        for file in plan.files where file.isChanged {
            do {
                try write(file.fixed, to: file.path, expecting: file.original)
            } catch {
                failures.append(error.message)
            }
        }
        if !failures.isEmpty { throw .writeFailed(failures.joined(separator: "\n")) }
    }

    /// Writes `bytes` to `path` atomically; with `expecting`, refuses when the file no longer holds those bytes
    /// (it changed since it was read).
    public func write(_ bytes: [UInt8], to path: String, expecting: [UInt8]? = nil) throws(WMLintError) {
        func failure(_ reason: String) -> WMLintError {
            .writeFailed("cannot write '\(path)': \(reason)")
        }
        guard let target = FileSystem.realPath(path) else { throw failure(errorText()) }
        var info = stat()
        guard FileSystem.status(target, &info) == 0 else { throw failure(errorText()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw failure("not a regular file") }
        guard info.st_mode & 0o222 != 0 else { throw failure("the file is read-only") }
        let directory = Path.directory(of: target)
        var directoryInfo = stat()
        guard FileSystem.status(directory, &directoryInfo) == 0 else { throw failure(errorText()) }
        guard directoryInfo.st_mode & 0o222 != 0 else { throw failure("its directory is read-only") }
        if let expecting {
            guard case .success(let current) = FileSystem.read(target, maxSize: Int.max), current == expecting else {
                throw failure("the file changed since it was read")
            }
        }

        let (descriptor, temporary) = Self.createTemporary(beside: target)
        defer { TemporaryFiles.unregister() }
        guard descriptor >= 0 else { throw failure(errorText()) }
        var isOpen = true
        defer {
            if isOpen { close(descriptor) }
        }
        func abandon(_ reason: String) -> WMLintError {
            if isOpen {
                close(descriptor)
                isOpen = false
            }
            unlink(FileName.cString(temporary))
            return failure(reason)
        }

        if let reason = writeAll(bytes, to: descriptor) { throw abandon(reason) }
        // The owner first: changing it may clear set-user-ID bits, which the mode then restores. When the
        // owner or group cannot be kept (only a privileged process may give a file away), the file is not written.
        if fchown(descriptor, info.st_uid, info.st_gid) != 0 {
            var written = stat()
            guard fstat(descriptor, &written) == 0, written.st_uid == info.st_uid, written.st_gid == info.st_gid
            else {
                throw abandon("its owner or group cannot be kept (the file would change hands); not written")
            }
        }
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw abandon(errorText()) }
        if let reason = copyExtendedAttributes(from: target, to: descriptor) { throw abandon(reason) }
        guard operations.sync(descriptor) == 0 else { throw abandon(errorText()) }
        let closed = close(descriptor)
        isOpen = false
        guard closed == 0 else { throw abandon(errorText()) }
        // The window since the first check, re-checked just before the rename: a change made meanwhile is kept.
        if let expecting {
            var now = stat()
            guard FileSystem.status(target, &now) == 0, now.st_ino == info.st_ino, now.st_size == info.st_size,
                case .success(let current) = FileSystem.read(target, maxSize: Int.max), current == expecting
            else {
                throw abandon("the file changed since it was read")
            }
        }
        guard operations.rename(temporary, target) == 0 else { throw abandon(errorText()) }
        syncDirectory(directory)
    }

    /// Copies every extended attribute of `source` (ACLs among them: `system.posix_acl_access`) to the open file;
    /// the failure's text when one cannot be kept.
    private func copyExtendedAttributes(from source: String, to descriptor: Int32) -> String? {
        #if canImport(Glibc)
            let source = FileName.cString(source)
            let size = listxattr(source, nil, 0)
            if size < 0 {
                if errno == ENOTSUP { return nil }
                return "its extended attributes cannot be read (\(errorText())); not written"
            }
            guard size > 0 else { return nil }
            var names = [CChar](repeating: 0, count: size)
            let listed = listxattr(source, &names, size)
            guard listed >= 0 else { return "its extended attributes cannot be read (\(errorText())); not written" }
            var start = 0
            while start < listed {
                var end = start
                while end < listed && names[end] != 0 { end += 1 }
                let name = String(decoding: names[start..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                start = end + 1
                guard !name.isEmpty else { continue }
                let length = getxattr(source, name, nil, 0)
                guard length >= 0 else { return "extended attribute '\(name)' cannot be read; not written" }
                var value = [UInt8](repeating: 0, count: max(length, 1))
                let read = getxattr(source, name, &value, length)
                guard read >= 0 else { return "extended attribute '\(name)' cannot be read; not written" }
                if fsetxattr(descriptor, name, value, read, 0) != 0 {
                    // One the new file already holds with the same value (a security label) is kept all the same.
                    let reason = errorText()
                    var present = [UInt8](repeating: 0, count: max(read, 1))
                    let presentLength = fgetxattr(descriptor, name, &present, read)
                    guard presentLength == read, present[0..<read] == value[0..<read] else {
                        return "extended attribute '\(name)' cannot be kept (\(reason)); not written"
                    }
                }
            }
        #endif
        return nil
    }

    /// Why `path` (a file to fix, as named) must not be written: it resolves outside its project root; `nil` when
    /// it may be.
    ///
    /// The project root is the nearest directory holding `.git` above the part of the named path that has no
    /// symbolic link in it (so a linked directory's own `.git` does not count), else the current directory for a
    /// file named inside it, else that link-free part. A link, or a linked directory, leading out of it leads
    /// outside.
    public static func containmentProblem(_ path: String, currentDirectory: String) -> String? {
        guard let target = FileSystem.realPath(path) else { return nil }
        let named = Path.lexicalAbsolute(path, base: currentDirectory)
        let directory = Path.directory(of: named)
        let isNamedInside = Path.isInside(directory, root: currentDirectory)
        // The current directory is a real path: only the components below it (or below `/`) are looked at.
        var linkFree = isNamedInside ? currentDirectory : "/"
        for component in Path.relative(directory, to: linkFree).split(separator: "/") where component != "." {
            let next = Path.join(linkFree, String(component))
            guard !FileSystem.isSymlink(next), FileSystem.kind(of: next) == .directory else { break }
            linkFree = next
        }
        var root = isNamedInside ? currentDirectory : linkFree
        var candidate = linkFree
        while true {
            if FileSystem.kind(of: Path.join(candidate, ".git")) != nil {
                root = candidate
                break
            }
            let parent = Path.directory(of: candidate)
            if parent == candidate { break }
            candidate = parent
        }
        let canonicalRoot = FileSystem.realPath(root) ?? root
        guard Path.isInside(target, root: canonicalRoot) else {
            return "'\(path)' resolves outside the project root (to '\(target)'); it was linted but not written"
        }
        return nil
    }

    /// Writes every byte with ``operations``' `write`; the failure's text, or `nil`.
    private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { FileSystem.writeAll($0, to: descriptor, using: operations.write) }
    }

    /// Creates the hidden temporary file `.NAME.wmlint-XXXXXX` beside `path` and notes it for removal on an ending
    /// signal (``TemporaryFiles/unregister()`` once it is renamed or removed): its descriptor and path, or -1 with
    /// `errno` set.
    static func createTemporary(beside path: String) -> (descriptor: Int32, path: String) {
        var template = FileName.cString(Path.join(Path.directory(of: path), ".\(Path.basename(path)).wmlint-XXXXXX"))
        // The ending signals wait while the file is created and its name noted, so none falls between the two.
        let blocked = TemporaryFiles.blockEndingSignals()
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let descriptor = mkstemp(base)
            if descriptor >= 0 { TemporaryFiles.register(base) }
            return descriptor
        }
        let created = errno
        TemporaryFiles.restoreSignals(blocked)
        errno = created
        return (descriptor, FileName.decode(template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }))
    }

    /// Writes a new file (a report, a baseline) at `path` the way fixes are written: to a temporary file beside
    /// it, flushed, then renamed over it, so that a failure leaves the previous file as it was.
    ///
    /// Refused, with nothing written: a symbolic link at `path` (a committed link must not send the report
    /// elsewhere; the rename would replace the link), anything but a regular file, and a file among `inputs`
    /// (device and inode of every file the run read). An existing file keeps its mode; a new one gets 0666 less
    /// the umask, as `open` would give it. `what` names the file in messages ("the sarif report").
    public func writeReport(
        _ bytes: [UInt8], to path: String, naming what: String, inputs: Set<FileIdentity> = []
    ) throws(WMLintError) {
        func failure(_ reason: String) -> WMLintError {
            .writeFailed("cannot write \(what) to '\(path)': \(reason)")
        }
        var info = stat()
        var mode = mode_t(0o666) & ~currentUmask()
        if FileSystem.status(path, &info, noFollow: true) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK {
                throw failure(
                    "it is a symbolic link, and a report is never written through one; remove it or name another path")
            }
            guard info.st_mode & S_IFMT == S_IFREG else { throw failure("not a regular file") }
            if inputs.contains(FileIdentity(info)) {
                throw failure("it is an input of this run, and a report never overwrites one")
            }
            mode = info.st_mode & 0o7777
        } else if errno != ENOENT {
            throw failure(errorText())
        }
        let (descriptor, temporary) = Self.createTemporary(beside: path)
        defer { TemporaryFiles.unregister() }
        guard descriptor >= 0 else { throw failure(errorText()) }
        var reason = writeAll(bytes, to: descriptor)
        if reason == nil, fchmod(descriptor, mode) != 0 { reason = errorText() }
        if reason == nil, operations.sync(descriptor) != 0 { reason = errorText() }
        if close(descriptor) != 0, reason == nil { reason = errorText() }
        if reason == nil, operations.rename(temporary, path) != 0 { reason = errorText() }
        if let reason {
            unlink(FileName.cString(temporary))
            throw failure(reason)
        }
        syncDirectory(Path.directory(of: path))
    }

    /// The process's file-creation mask (read by setting it and restoring it at once).
    private func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Flushes the directory entry of the rename (best effort: some file systems refuse `fsync` on a directory).
    private func syncDirectory(_ directory: String) {
        let descriptor = FileSystem.openFile(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private func errorText() -> String {
        String(cString: strerror(errno))
    }
}

/// A file as the file system knows it: device and inode, the same through every name and link.
public struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The identity of the file at `path` (links followed), when it exists.
    public init?(path: String) {
        var info = stat()
        guard FileSystem.status(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// The temporary file being written, removed when SIGINT, SIGTERM or SIGHUP ends the process before the rename.
///
/// The handler only reads an atomic pointer and calls `unlink`, `signal` and `raise`, which are async-signal-safe.
/// A name's bytes are never freed, since a handler running on another thread may still be reading them: one short
/// allocation per file written.
enum TemporaryFiles {
    /// The address of the temporary file's path as C bytes, or 0 between writes.
    static let current = Atomic<Int>(0)
    /// Whether the handlers are installed (set once, on the writing thread).
    nonisolated(unsafe) static var installed = false

    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Notes `path` as the file to remove on an ending signal (installing the handlers the first time).
    static func register(_ path: UnsafePointer<CChar>) {
        current.store(Int(bitPattern: strdup(path)), ordering: .sequentiallyConsistent)
        guard !installed else { return }
        installed = true
        for signal in endingSignals {
            // A signal the process was started ignoring (`nohup`) stays ignored.
            let previous = setHandler(signal, removeAndReraise)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = setHandler(signal, SIG_IGN)
            }
        }
    }

    static func unregister() {
        current.store(0, ordering: .sequentiallyConsistent)
    }

    /// Blocks the ending signals on this thread; the mask to restore.
    static func blockEndingSignals() -> sigset_t {
        var set = sigset_t()
        var previous = sigset_t()
        sigemptyset(&set)
        for signal in endingSignals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, &previous)
        return previous
    }

    static func restoreSignals(_ mask: sigset_t) {
        var mask = mask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }
}

#if canImport(Glibc)
    private func setHandler(_ signal: Int32, _ handler: __sighandler_t?) -> __sighandler_t? {
        Glibc.signal(signal, handler)
    }
#else
    private func setHandler(_ signal: Int32, _ handler: sig_t?) -> sig_t? {
        Darwin.signal(signal, handler)
    }
#endif

/// Removes the temporary file being written, then ends the process by the same signal.
private func removeAndReraise(_ signal: Int32) {
    if let path = UnsafePointer<CChar>(bitPattern: TemporaryFiles.current.load(ordering: .sequentiallyConsistent)) {
        unlink(path)
    }
    _ = setHandler(signal, SIG_DFL)
    raise(signal)
}
