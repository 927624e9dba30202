#ifndef LCITY_ATOMIC_RENAME_H
#define LCITY_ATOMIC_RENAME_H

/// Atomically exchanges the two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int lcity_exchange_paths(const char *first, const char *second);

#endif
