// The names build/wasm/jixiao.d.ts (wasm-bindgen's declarations of the
// exports in src/wasm.rs) uses for the JSON it passes, as global types.
type Report = import('./types').Report;
type Input = import('./types').Input;
type Profile = import('./types').Profile;
type Options = import('./types').Options;
