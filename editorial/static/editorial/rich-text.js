// The admin's rich-text editor: ProseMirror (django-prose-editor's bundle) on every
// textarea marked data-rich-text, offering only the tags the server's cleaner keeps.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
} from "../django_prose_editor/editor.js";

const BY_TAG = {
  blockquote: [Blockquote],
  strong: [Bold],
  em: [Italic],
  a: [Link],
  ul: [BulletList, ListItem],
  ol: [OrderedList, ListItem],
};

function extensionsFor(tags) {
  const found = [Document, Paragraph, Text, HardBreak, History, Menu, Dropcursor, Gapcursor];
  const levels = [2, 3].filter((level) => tags.includes(`h${level}`));
  if (levels.length) found.push(Heading.configure({ levels }));
  for (const tag of tags) found.push(...(BY_TAG[tag] || []));
  return [...new Set(found)];
}

function labelOf(textarea) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  return (label ? label.textContent : textarea.name).replace(/[:：]\s*$/, "").trim();
}

function attach(textarea) {
  if (textarea.closest(".prose-editor")) return;
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  new Editor({
    element: wrapper,
    extensions: extensionsFor(textarea.dataset.richText.split(" ")),
    content: textarea.value,
    // No <style> element: the strict CSP refuses it, editor.css carries the styles.
    injectCSS: false,
    // The editable area is named by the field's label ("Description [zh-hans]").
    editorProps: {
      attributes: { "aria-label": labelOf(textarea), "aria-multiline": "true" },
    },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
}

function attachAll(root) {
  for (const textarea of root.querySelectorAll("textarea[data-rich-text]")) {
    if (!textarea.id.includes("__prefix__")) attach(textarea);
  }
}

attachAll(document);
