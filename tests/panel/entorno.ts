/** Lo que jsdom no trae y Fluent UI usa (animaciones, medios, observadores). */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });

const w = window as unknown as Record<string, unknown>;
if (!w.matchMedia) {
  w.matchMedia = (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => undefined, removeListener: () => undefined,
    addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
  });
}
if (!w.ResizeObserver) {
  w.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
const proto = Element.prototype as unknown as Record<string, unknown>;
if (!proto.animate) {
  proto.animate = function () {
    const anim = {
      finished: Promise.resolve(), onfinish: null as null | (() => void), oncancel: null,
      cancel() {}, finish() {}, play() {}, pause() {}, reverse() {}, persist() {}, commitStyles() {},
      addEventListener(_t: string, f: () => void) { setTimeout(f, 0); }, removeEventListener() {},
      playState: "finished", currentTime: 0,
    };
    setTimeout(() => anim.onfinish?.(), 0);
    return anim;
  };
}
if (!proto.scrollIntoView) proto.scrollIntoView = function () {};
