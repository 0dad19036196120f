/**
 * A small seccomp-BPF program for `bwrap --seccomp FD`. The namespaces and the unprivileged uid already keep the
 * program in; this filter takes away the kernel interfaces a coding answer never needs and that have a history of
 * privilege escalations: above all new user namespaces (which would hand the program capabilities inside them, and
 * let it mount tmpfs outside the scratch size limit), plus keyrings, BPF, perf, userfaultfd, io_uring, ptrace and
 * the mount and module calls. Everything else is allowed.
 */

// Classic BPF opcodes and seccomp return values (linux/filter.h, linux/seccomp.h).
const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JSET_K = 0x45;
const BPF_RET_K = 0x06;
const SECCOMP_RET_KILL_PROCESS = 0x80000000;
const SECCOMP_RET_ERRNO = 0x00050000;
const SECCOMP_RET_ALLOW = 0x7fff0000;
const EPERM = 1;
const ENOSYS = 38;
const CLONE_NEWUSER = 0x10000000;

// Offsets in struct seccomp_data.
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;
const OFFSET_ARG0_LOW = 16; // little-endian: the low 32 bits of args[0] come first

interface ArchTable {
  audit: number;
  /** Syscall numbers at or above this are another ABI (x32) and are refused. */
  foreignAbove?: number;
  clone: number;
  clone3: number;
  unshare: number;
  denied: number[];
}

const ARCHES: Partial<Record<NodeJS.Architecture, ArchTable>> = {
  x64: {
    audit: 0xc000003e,
    foreignAbove: 0x40000000,
    clone: 56,
    clone3: 435,
    unshare: 272,
    denied: [
      101, // ptrace
      103, // syslog
      134, // uselib
      155, // pivot_root
      161, // chroot
      163, // acct
      165, // mount
      166, // umount2
      167, // swapon
      168, // swapoff
      169, // reboot
      175, // init_module
      176, // delete_module
      212, // lookup_dcookie
      246, // kexec_load
      248, // add_key
      249, // request_key
      250, // keyctl
      298, // perf_event_open
      303, // name_to_handle_at
      304, // open_by_handle_at
      308, // setns
      310, // process_vm_readv
      311, // process_vm_writev
      313, // finit_module
      320, // kexec_file_load
      321, // bpf
      323, // userfaultfd
      425, // io_uring_setup
      426, // io_uring_enter
      427, // io_uring_register
      428, // open_tree
      429, // move_mount
      430, // fsopen
      431, // fsconfig
      432, // fsmount
      433, // fspick
      442, // mount_setattr
    ],
  },
  arm64: {
    audit: 0xc00000b7,
    clone: 220,
    clone3: 435,
    unshare: 97,
    denied: [
      39, // umount2
      40, // mount
      41, // pivot_root
      51, // chroot
      89, // acct
      104, // kexec_load
      105, // init_module
      106, // delete_module
      116, // syslog
      117, // ptrace
      142, // reboot
      217, // add_key
      218, // request_key
      219, // keyctl
      224, // swapon
      225, // swapoff
      241, // perf_event_open
      264, // name_to_handle_at
      265, // open_by_handle_at
      268, // setns
      270, // process_vm_readv
      271, // process_vm_writev
      273, // finit_module
      280, // bpf
      282, // userfaultfd
      294, // kexec_file_load
      425, // io_uring_setup
      426, // io_uring_enter
      427, // io_uring_register
      428, // open_tree
      429, // move_mount
      430, // fsopen
      431, // fsconfig
      432, // fsmount
      433, // fspick
      442, // mount_setattr
    ],
  },
};

interface Instruction {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

/** The compiled filter for this machine's architecture, or null where we have no syscall table (run without it). */
export function seccompFilter(arch: NodeJS.Architecture = process.arch): Buffer | null {
  const table = ARCHES[arch];
  if (!table) return null;

  // Labels are resolved after layout: jumps are relative and forward only.
  type Target = 'checkFlags' | 'deny' | 'enosys' | 'kill' | null;
  const program: { code: number; k: number; jt: Target; jf: Target }[] = [];
  const emit = (code: number, k: number, jt: Target = null, jf: Target = null) => program.push({ code, k, jt, jf });

  emit(BPF_LD_W_ABS, OFFSET_ARCH);
  emit(BPF_JEQ_K, table.audit, null, 'kill'); // another ABI (i386 on x86-64, arm32 on arm64): no numbers to trust
  emit(BPF_LD_W_ABS, OFFSET_NR);
  if (table.foreignAbove !== undefined) emit(BPF_JGE_K, table.foreignAbove, 'deny');
  // glibc falls back to clone() when clone3 is missing; clone3's flags sit in memory a filter cannot read.
  emit(BPF_JEQ_K, table.clone3, 'enosys');
  emit(BPF_JEQ_K, table.clone, 'checkFlags');
  emit(BPF_JEQ_K, table.unshare, 'checkFlags');
  for (const nr of table.denied) emit(BPF_JEQ_K, nr, 'deny');
  const labels: Record<Exclude<Target, null>, number> = { checkFlags: 0, deny: 0, enosys: 0, kill: 0 };
  emit(BPF_RET_K, SECCOMP_RET_ALLOW);
  labels.checkFlags = program.length;
  emit(BPF_LD_W_ABS, OFFSET_ARG0_LOW);
  emit(BPF_JSET_K, CLONE_NEWUSER, 'deny');
  emit(BPF_RET_K, SECCOMP_RET_ALLOW);
  labels.deny = program.length;
  emit(BPF_RET_K, SECCOMP_RET_ERRNO | EPERM);
  labels.enosys = program.length;
  emit(BPF_RET_K, SECCOMP_RET_ERRNO | ENOSYS);
  labels.kill = program.length;
  emit(BPF_RET_K, SECCOMP_RET_KILL_PROCESS);

  const resolved: Instruction[] = program.map((ins, at) => {
    const offset = (target: Target): number => {
      if (target === null) return 0;
      const distance = labels[target] - at - 1;
      if (distance < 0 || distance > 255) throw new Error('seccomp filter jump out of range');
      return distance;
    };
    return { code: ins.code, k: ins.k, jt: offset(ins.jt), jf: offset(ins.jf) };
  });

  // struct sock_filter { __u16 code; __u8 jt; __u8 jf; __u32 k; } in the machine's (little-endian) byte order.
  const bytes = Buffer.alloc(resolved.length * 8);
  resolved.forEach((ins, i) => {
    bytes.writeUInt16LE(ins.code, i * 8);
    bytes.writeUInt8(ins.jt, i * 8 + 2);
    bytes.writeUInt8(ins.jf, i * 8 + 3);
    bytes.writeUInt32LE(ins.k >>> 0, i * 8 + 4);
  });
  return bytes;
}
