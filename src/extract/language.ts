import type { Language } from "./digest-schema.ts";

// Letters only Vietnamese uses among Latin scripts (horn, breve, d-stroke, and tone-marked vowels).
const VI_LETTERS =
  /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]/g;
const VI_WORDS = /(?:^|\s)(của|và|các|những|được|với|trong|là|cho|này|đã|sẽ|hai|nước|hợp tác)(?=\s|$|[,.])/g;
const EN_WORDS = /\b(the|and|of|to|in|with|for|that|is|was|on)\b/gi;

/**
 * Detects whether a text is Vietnamese or English from function words and
 * Vietnamese-only letters in its first 20,000 characters. An English text that
 * spells names with diacritics (Tô Lâm, Việt Nam) stays English.
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const en = sample.match(EN_WORDS)?.length ?? 0;
  const vi = sample.match(VI_WORDS)?.length ?? 0;
  const viLetters = sample.match(VI_LETTERS)?.length ?? 0;
  if (vi > en) return "vi";
  if (en === 0 && viLetters > 20) return "vi";
  return "en";
}
