/**
 * The kop (letterhead) of a local-government office: the emblem at the left, the centred lines
 * (PEMERINTAH ..., DINAS ..., address, contacts), then the thick-and-thin double rule.
 */
import type { Content } from 'pdfmake/interfaces';
import type { Kop } from '../domain/printed-document';
import { plain } from './fonts';
import type { Images } from './images';
import { present } from './page';

const LOGO = 64;

/** 'Telepon (0285) 421234 · E-mail dinsos@... · Laman ...', empty parts left out. */
export function contactLine(kop: Kop): string {
  return [
    kop.phone && `Telepon ${kop.phone}`,
    kop.email && `E-mail ${kop.email}`,
    kop.website && `Laman ${kop.website}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function kopLines(kop: Kop): Content[] {
  const contacts = contactLine(kop);
  return present(
    kop.government && { text: plain(kop.government.toUpperCase()), bold: true, fontSize: 14 },
    { text: plain(kop.agency.toUpperCase()), bold: true, fontSize: 16 },
    kop.address && { text: plain(kop.address), fontSize: 10 },
    contacts && { text: plain(contacts), fontSize: 10 },
  );
}

/** The double rule under the kop: a thick line over a thin one, across the text block. */
function doubleRule(width: number): Content {
  return {
    canvas: [
      { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 2.5 },
      { type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.75 },
    ],
    margin: [0, 6, 0, 0],
  };
}

/** The letter kop; without a logo the lines are centred on the page with no gap at the left. */
export function letterKop(kop: Kop, width: number, images: Images): Content {
  const logo = images.key(kop.logo);
  const lines: Content = { stack: kopLines(kop), alignment: 'center', lineHeight: 1.05 };
  const head: Content = logo
    ? {
        columns: [
          { image: logo, fit: [LOGO, LOGO], width: LOGO },
          { ...lines, width: '*' },
          // an empty column as wide as the logo keeps the lines centred on the page, not beside the logo
          { text: '', width: LOGO },
        ],
        columnGap: 4,
      }
    : lines;
  return { stack: [head, doubleRule(width)], margin: [0, 0, 0, 8] };
}

/** The piagam's header: the emblem centred above the government and agency lines, no rule. */
export function centredKop(kop: Kop, images: Images): Content {
  const logo = images.key(kop.logo);
  return {
    stack: present(
      logo && { image: logo, fit: [LOGO, LOGO], alignment: 'center', margin: [0, 0, 0, 6] },
      kop.government && { text: plain(kop.government.toUpperCase()), bold: true, fontSize: 14 },
      { text: plain(kop.agency.toUpperCase()), bold: true, fontSize: 16 },
    ),
    alignment: 'center',
  };
}
