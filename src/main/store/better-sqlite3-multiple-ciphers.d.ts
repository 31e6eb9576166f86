// The package's own typings are not reachable through its "exports" map. It is a fork of
// better-sqlite3 with the same API, so its types are better-sqlite3's.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
