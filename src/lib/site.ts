/** Site-wide constants: title, edition, URL. Read by layouts, print pages and PDFs. */
export const SITE_TITLE = '基层减负工作手册';
export const SITE_DESCRIPTION =
  '面向乡镇街道和县区机关干部的基层减负工作手册：会议、发文、调研、督查检查、考核、工作群与政务应用，可搜索、可打勾、可打印、可离线。';
/** Handbook edition shown in the footer, on print covers and in PDF headers. A release may set HB_EDITION. */
export const EDITION = process.env.HB_EDITION ?? '2026年第1版';
/** Public URL of the deployed site (canonical links, QR codes). Override with HB_SITE_URL. */
export const DEFAULT_SITE_URL = 'https://handbook.example.org';
