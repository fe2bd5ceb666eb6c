// partnerhub tests: what a keyboard user sees of the focused element. Loaded into the page
// by tests/a11y/test_keyboard.py; window.__phFocus() describes document.activeElement.
(() => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});

  // Any CSS colour as [r, g, b, a] in sRGB (0-255, alpha 0-1), through a canvas pixel.
  function rgba(css) {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "rgba(0, 0, 0, 0)";
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return a ? [r * 255 / a, g * 255 / a, b * 255 / a, a / 255] : [0, 0, 0, 0];
  }
  function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  }
  // The opaque colour painted behind an element (its own background and its ancestors').
  function background(el) {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  }
  function luminance(c) {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }
  const hex = c => "#" + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, "0")).join("");

  // "rgb(1, 2, 3) 0px -2px 0px 0px, rgb(...) 0px 4px 0px 0px inset" -> parts
  function shadows(value) {
    if (!value || value === "none") return [];
    return value.split(/,(?![^(]*\))/).map(part => {
      const colour = (part.match(/(rgba?|color|oklab|oklch|lab|lch|hsla?)\([^)]*\)|#[0-9a-f]+/i) || ["black"])[0];
      const lengths = part.replace(colour, "").match(/-?[\d.]+px/g) || [];
      const [x, y, blur, spread] = lengths.map(parseFloat).concat([0, 0, 0, 0]);
      return {colour, inset: /\binset\b/.test(part), size: Math.max(Math.abs(x), Math.abs(y), spread + Math.min(blur, 0))};
    });
  }

  // The focus indicator's parts (outline, box shadows) and the best contrast among them
  // against what surrounds them (the parent's background outside, the element's inside).
  function indicator(el) {
    const style = getComputedStyle(el);
    const outside = background(el.parentElement || el);
    const inside = background(el);
    const parts = [];
    const width = parseFloat(style.outlineWidth) || 0;
    if (style.outlineStyle !== "none" && width >= 1) {
      const c = rgba(style.outlineColor);
      if (c[3] > 0) {
        const against = (parseFloat(style.outlineOffset) || 0) + width > 0 ? outside : inside;
        parts.push({kind: `outline ${width}px`, colour: hex(c), against: hex(against), ratio: contrast(over(c, against), against)});
      }
    }
    for (const s of shadows(style.boxShadow)) {
      const c = rgba(s.colour);
      if (c[3] === 0 || s.size < 1) continue;
      const against = s.inset ? inside : outside;
      parts.push({kind: `${s.inset ? "inset " : ""}shadow ${s.size}px`, colour: hex(c), against: hex(against), ratio: contrast(over(c, against), against)});
    }
    return {parts, best: Math.max(0, ...parts.map(p => p.ratio))};
  }

  function describe(el) {
    let text = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || "").trim().replace(/\s+/g, " ");
    const id = el.id ? "#" + el.id : "";
    const cls = el.getAttribute("class") ? "." + el.getAttribute("class").trim().split(/\s+/).join(".") : "";
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text.slice(0, 40)}"`;
  }

  const ids = new WeakMap();
  let next = 0;
  const idOf = el => { if (!ids.has(el)) ids.set(el, ++next); return ids.get(el); };

  window.__phFocus = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const rect = el.getBoundingClientRect();
    const onScreen = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
      && rect.left < innerWidth && rect.top < innerHeight;
    const main = document.querySelector("main");
    return {
      element: describe(el),
      key: idOf(el),
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute("href"),
      inMain: !!(main && main.contains(el)),
      // in <main> or after it in the source (a page whose content has no link)
      pastMain: !!(main && (main.contains(el) || main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)),
      ariaHidden: !!el.closest("[aria-hidden='true']"),
      visible: onScreen && el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
      rect: {x: rect.x, y: rect.y, width: rect.width, height: rect.height},
      indicator: indicator(el),
    };
  };
})();
