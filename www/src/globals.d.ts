// The names build/wasm/jixiao.d.ts (wasm-bindgen's declarations of the
// exports in src/wasm/exports.rs) gives the JSON it passes, as global types
// (prefixed: the DOM already has a global `Report`).
type JixiaoReport = import('./types').Report;
type JixiaoInput = import('./types').Input;
type JixiaoProfile = import('./types').Profile;
type JixiaoOptions = import('./types').Options;
type JixiaoLabels = import('./types').Labels;
type JixiaoDraft = import('./types').Draft;
type JixiaoSummary = import('./types').Summary;
type JixiaoEdit = import('./types').Edit;
type JixiaoOverviewLine = import('./types').OverviewLine;
type JixiaoProjectResult = import('./types').ProjectResult;
type JixiaoHeaderGuess = import('./types').HeaderGuess;
type JixiaoProfileIssue = import('./types').ProfileIssue;
