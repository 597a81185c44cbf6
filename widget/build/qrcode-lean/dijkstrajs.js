// Stand-in for dijkstrajs, used only by qrcode's mixed-mode segment optimiser, which is not bundled.
export function find_path() {
  throw new Error("qrcode's segment optimiser is not bundled: pass explicit segments");
}
