/* What the shell knows of the session: the language, the user, the installed modules and their labels. */
export const state = { lang: localStorage.getItem("tessera.lang") || "en", modules: [], fieldLabels: {}, branding: null, user: null, note: null };
