// Files in Teams: a bot may only hand over a file in personal chat, after the person consents to it landing in
// their OneDrive. The consent card carries our offer's id; once uploaded, a file info card shows the file.
import type { Attachment } from "botbuilder";
import { translator } from "../../../i18n";
import { teamsMarkup } from "./teamsMarkup";

export const FILE_CONSENT_TYPE = "application/vnd.microsoft.teams.card.file.consent";
export const FILE_INFO_TYPE = "application/vnd.microsoft.teams.card.file.info";

export function fileConsentCard(offer: { id: string; filename: string; size: number }, locale: string): Attachment {
  const t = translator(locale, teamsMarkup.cmd);
  return {
    contentType: FILE_CONSENT_TYPE,
    name: offer.filename,
    content: {
      description: t("report.fileOffer", { filename: offer.filename }),
      sizeInBytes: offer.size,
      acceptContext: { offerId: offer.id },
      declineContext: { offerId: offer.id },
    },
  };
}

export function fileInfoCard(upload: { name: string; contentUrl: string; uniqueId: string; fileType: string }): Attachment {
  return { contentType: FILE_INFO_TYPE, name: upload.name, contentUrl: upload.contentUrl, content: { uniqueId: upload.uniqueId, fileType: upload.fileType } };
}
