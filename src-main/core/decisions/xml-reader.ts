import { SaxesParser } from 'saxes';

/**
 * A small, safe XML reader for DMN files: namespace-aware, with the source position of
 * every element and of its text. Any DOCTYPE is refused outright — DMN needs none, and a
 * DOCTYPE is how entity expansion attacks (billion laughs) and external entities (XXE)
 * get in. saxes itself never fetches or expands anything beyond XML's five entities.
 */

export interface XmlElement {
  local: string;
  uri: string;
  /** Attributes without a namespace prefix, by name. */
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own text content (text and CDATA, not that of children). */
  text: string;
  /** Index of the element's "<" in the source. */
  start: number;
  /** Index just after the start tag's ">": where the text content begins. */
  contentStart: number;
}

export class XmlReadError extends Error {
  constructor(
    message: string,
    readonly code: 'xml-doctype' | 'xml-syntax' | 'xml-too-large',
    readonly index: number,
  ) {
    super(message);
    this.name = 'XmlReadError';
  }
}

const MAX_XML_LENGTH = 20_000_000;

export function readXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_LENGTH) throw new XmlReadError(`file larger than ${MAX_XML_LENGTH} characters`, 'xml-too-large', 0);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('doctype', () => {
    const at = xml.slice(0, parser.position).search(/<!DOCTYPE/i);
    throw new XmlReadError('a DOCTYPE is not allowed in a DMN file (it can define entities: XXE, entity expansion)', 'xml-doctype', Math.max(0, at));
  });
  parser.on('error', (error) => {
    throw new XmlReadError(error.message.replace(/^\d+:\d+: /, ''), 'xml-syntax', Math.max(0, parser.position - 1));
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) if (attr.uri === '' && attr.prefix === '') attributes[attr.local] = attr.value;
    const element: XmlElement = {
      local: tag.local,
      uri: tag.uri,
      attributes,
      children: [],
      text: '',
      start: xml.lastIndexOf('<', parser.position - 1),
      contentStart: parser.position,
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const appendText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.write(xml).close();
  if (!root) throw new XmlReadError('no root element', 'xml-syntax', 0);
  return root;
}

/** Line and column (1-based) of indices in a source text; lines end at \n, \r\n or \r as in XML. */
export class SourcePositions {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) this.lineStarts.push(i + 1);
    }
  }

  at(index: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - (this.lineStarts[lo] as number) + 1 };
  }

  /**
   * The source index of the `offset`-th character of decoded text starting at `start`:
   * an entity reference (&lt;) is one character, a CDATA section's markers none, \r\n one.
   */
  rawIndex(start: number, offset: number): number {
    let i = start;
    for (let decoded = 0; decoded < offset && i < this.text.length; decoded++) {
      if (this.text.startsWith('<![CDATA[', i)) i += 9;
      if (this.text.startsWith(']]>', i)) i += 3;
      if (this.text[i] === '&') i = this.text.indexOf(';', i) + 1;
      else i += this.text.startsWith('\r\n', i) ? 2 : 1;
    }
    return i;
  }
}
