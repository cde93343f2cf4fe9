/**
 * The Winsock 2 functions (`ws2_32.dll`) the module calls, and the few
 * kernel32 ones that error texts and `WSAPROTOCOL_INFO` sharing need; one
 * entry per function.
 *
 * Each parameter carries the C declaration it stands for. `errno: true`
 * marks the functions that report failure through `WSAGetLastError()` (or
 * kernel32's `GetLastError()`); the adapters read it right after those calls.
 *
 * @module
 */

import { BOOL, buf, DWORD, HANDLE, int, ptr, size_t, SOCKET, uint, WORD } from "./types.ts";
import type { SymbolTable } from "./types.ts";

/** ws2_32.dll symbols used by `platform/winsock.ts`. */
export const ws2Symbols = {
  // Start-up and the thread's last error
  WSAStartup: {
    parameters: [
      WORD, // WORD wVersionRequested
      buf, // LPWSADATA lpWSAData
    ],
    result: int, // the error code itself (not through WSAGetLastError)
  },
  WSAGetLastError: { parameters: [], result: int }, // int WSAGetLastError(void)
  // void WSASetLastError(int iError); marked errno so the code set is what
  // the module's last-error cell holds afterwards (emulated failures).
  WSASetLastError: { parameters: [int /* int iError */], result: "void", errno: true },

  // Socket lifecycle
  socket: {
    parameters: [
      int, // int af
      int, // int type
      int, // int protocol
    ],
    result: SOCKET,
    errno: true,
  },
  bind: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // const struct sockaddr *name
      int, // int namelen
    ],
    result: int,
    errno: true,
  },
  listen: {
    parameters: [
      SOCKET, // SOCKET s
      int, // int backlog
    ],
    result: int,
    errno: true,
  },
  accept: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // struct sockaddr *addr
      buf, // int *addrlen
    ],
    result: SOCKET,
    errno: true,
  },
  connect: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // const struct sockaddr *name
      int, // int namelen
    ],
    result: int,
    errno: true,
  },
  shutdown: {
    parameters: [
      SOCKET, // SOCKET s
      int, // int how
    ],
    result: int,
    errno: true,
  },
  closesocket: { parameters: [SOCKET /* SOCKET s */], result: int, errno: true },

  // Data transfer
  recv: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // char *buf
      int, // int len
      int, // int flags
    ],
    result: int,
    errno: true,
  },
  send: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // const char *buf
      int, // int len
      int, // int flags
    ],
    result: int,
    errno: true,
  },
  recvfrom: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // char *buf
      int, // int len
      int, // int flags
      buf, // struct sockaddr *from
      buf, // int *fromlen
    ],
    result: int,
    errno: true,
  },
  sendto: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // const char *buf
      int, // int len
      int, // int flags
      buf, // const struct sockaddr *to
      int, // int tolen
    ],
    result: int,
    errno: true,
  },
  WSASendMsg: {
    parameters: [
      SOCKET, // SOCKET Handle
      buf, // LPWSAMSG lpMsg
      DWORD, // DWORD dwFlags
      buf, // LPDWORD lpNumberOfBytesSent
      buf, // LPWSAOVERLAPPED lpOverlapped (NULL)
      buf, // LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine (NULL)
    ],
    result: int,
    errno: true,
  },

  // Names, options, modes
  getsockname: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // struct sockaddr *name
      buf, // int *namelen
    ],
    result: int,
    errno: true,
  },
  getpeername: {
    parameters: [
      SOCKET, // SOCKET s
      buf, // struct sockaddr *name
      buf, // int *namelen
    ],
    result: int,
    errno: true,
  },
  getsockopt: {
    parameters: [
      SOCKET, // SOCKET s
      int, // int level
      int, // int optname
      buf, // char *optval
      buf, // int *optlen
    ],
    result: int,
    errno: true,
  },
  setsockopt: {
    parameters: [
      SOCKET, // SOCKET s
      int, // int level
      int, // int optname
      buf, // const char *optval
      int, // int optlen
    ],
    result: int,
    errno: true,
  },
  ioctlsocket: {
    parameters: [
      SOCKET, // SOCKET s
      uint, // long cmd (FIONBIO = 0x8004667E, passed as its 32 bits)
      buf, // u_long *argp
    ],
    result: int,
    errno: true,
  },
  WSAIoctl: {
    parameters: [
      SOCKET, // SOCKET s
      DWORD, // DWORD dwIoControlCode
      buf, // LPVOID lpvInBuffer
      DWORD, // DWORD cbInBuffer
      buf, // LPVOID lpvOutBuffer
      DWORD, // DWORD cbOutBuffer
      buf, // LPDWORD lpcbBytesReturned
      buf, // LPWSAOVERLAPPED lpOverlapped (NULL)
      buf, // LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine (NULL)
    ],
    result: int,
    errno: true,
  },
  WSAPoll: {
    parameters: [
      buf, // LPWSAPOLLFD fdArray
      DWORD, // ULONG fds
      int, // INT timeout
    ],
    result: int,
    errno: true,
  },

  // Sharing a socket with another process (PHP's ANSI build uses the A forms)
  WSADuplicateSocketA: {
    parameters: [
      SOCKET, // SOCKET s
      DWORD, // DWORD dwProcessId
      buf, // LPWSAPROTOCOL_INFOA lpProtocolInfo
    ],
    result: int,
    errno: true,
  },
  WSASocketA: {
    parameters: [
      int, // int af
      int, // int type
      int, // int protocol
      buf, // LPWSAPROTOCOL_INFOA lpProtocolInfo
      uint, // GROUP g
      DWORD, // DWORD dwFlags
    ],
    result: SOCKET,
    errno: true,
  },

  // Addresses
  inet_pton: {
    parameters: [
      int, // INT Family
      buf, // PCSTR pszAddrString
      buf, // PVOID pAddrBuf
    ],
    result: int,
    errno: true,
  },
  inet_ntop: {
    parameters: [
      int, // INT Family
      buf, // const VOID *pAddr
      buf, // PSTR pStringBuf
      size_t, // size_t StringBufSize
    ],
    result: ptr, // PCSTR
    errno: true,
  },
  gethostbyname: { parameters: [buf /* const char *name */], result: ptr, errno: true },
  getaddrinfo: {
    parameters: [
      buf, // PCSTR pNodeName
      buf, // PCSTR pServiceName
      buf, // const ADDRINFOA *pHints
      buf, // PADDRINFOA *ppResult
    ],
    result: int, // 0, or a WSA error code
    errno: true,
  },
  freeaddrinfo: { parameters: [ptr /* PADDRINFOA pAddrInfo */], result: "void" },
} as const satisfies SymbolTable;

/** The type of {@link ws2Symbols}. */
export type Ws2Symbols = typeof ws2Symbols;

/**
 * `WSARecvMsg`, which ws2_32 does not export: its address comes from
 * `WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER, WSAID_WSARECVMSG)`.
 */
export const WSARecvMsg = {
  parameters: [
    SOCKET, // SOCKET s
    buf, // LPWSAMSG lpMsg
    buf, // LPDWORD lpdwNumberOfBytesRecvd
    buf, // LPWSAOVERLAPPED lpOverlapped (NULL)
    buf, // LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine (NULL)
  ],
  result: int,
  errno: true,
} as const;

/** kernel32.dll symbols: error texts and named shared memory. */
export const kernel32Symbols = {
  GetLastError: { parameters: [], result: DWORD }, // DWORD GetLastError(void)
  SetLastError: { parameters: [DWORD /* DWORD dwErrCode */], result: "void" },
  FormatMessageW: {
    parameters: [
      DWORD, // DWORD dwFlags
      buf, // LPCVOID lpSource (NULL)
      DWORD, // DWORD dwMessageId
      DWORD, // DWORD dwLanguageId
      buf, // LPWSTR lpBuffer
      DWORD, // DWORD nSize (in WCHARs)
      buf, // va_list *Arguments (NULL)
    ],
    result: DWORD,
    errno: true,
  },
  CreateFileMappingW: {
    parameters: [
      "i64", // HANDLE hFile (INVALID_HANDLE_VALUE = -1: backed by the paging file)
      buf, // LPSECURITY_ATTRIBUTES lpFileMappingAttributes (NULL)
      DWORD, // DWORD flProtect
      DWORD, // DWORD dwMaximumSizeHigh
      DWORD, // DWORD dwMaximumSizeLow
      buf, // LPCWSTR lpName
    ],
    result: HANDLE,
    errno: true,
  },
  OpenFileMappingW: {
    parameters: [
      DWORD, // DWORD dwDesiredAccess
      BOOL, // BOOL bInheritHandle
      buf, // LPCWSTR lpName
    ],
    result: HANDLE,
    errno: true,
  },
  MapViewOfFile: {
    parameters: [
      HANDLE, // HANDLE hFileMappingObject
      DWORD, // DWORD dwDesiredAccess
      DWORD, // DWORD dwFileOffsetHigh
      DWORD, // DWORD dwFileOffsetLow
      size_t, // SIZE_T dwNumberOfBytesToMap
    ],
    result: ptr, // LPVOID
    errno: true,
  },
  UnmapViewOfFile: { parameters: [ptr /* LPCVOID lpBaseAddress */], result: BOOL, errno: true },
  CloseHandle: { parameters: [HANDLE /* HANDLE hObject */], result: BOOL, errno: true },
  RtlMoveMemory: {
    parameters: [
      ptr, // VOID *Destination
      buf, // const VOID *Source
      size_t, // SIZE_T Length
    ],
    result: "void",
  },
} as const satisfies SymbolTable;

/** The type of {@link kernel32Symbols}. */
export type Kernel32Symbols = typeof kernel32Symbols;
