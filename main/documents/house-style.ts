import style from '../../templates/house-style.json' with { type: 'json' };

/** The house style, as data (templates/house-style.json): every export reads it from here. */
export interface HouseStyle {
  font: string;
  bodySizePt: number;
  smallSizePt: number;
  /** Text in a register table (decisions and action logs), A4 landscape. */
  registerSizePt: number;
  titleSizePt: number;
  headingSizesPt: number[];
  lineSpacing: number;
  paragraphSpacingAfterPt: number;
  colours: {
    text: string;
    heading: string;
    muted: string;
    tableHeaderFill: string;
    tableBorder: string;
    link: string;
    rag: { red: string; amber: string; green: string; none: string };
    /** The shading behind a RAG status word (the rag colours themselves are too dark for text on them). */
    ragFill: { red: string; amber: string; green: string; none: string };
  };
  marginsCm: { top: number; bottom: number; left: number; right: number };
  language: string;
  excel: { font: string; sizePt: number; titleSizePt: number; headerFill: string; moneyFormat: string; dateFormat: string; percentFormat: string };
}

export const houseStyle: HouseStyle = style as HouseStyle;

export type { ProtectiveMarking } from '../shared/protective-marking';
