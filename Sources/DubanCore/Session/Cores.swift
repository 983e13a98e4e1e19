#if canImport(Glibc)
import Glibc
#endif

/// The processors online: whether work may be split across two cores (the decode, the
/// read, the store's build) and how widely the encoder slices a save.
enum Cores {
    static var online: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
