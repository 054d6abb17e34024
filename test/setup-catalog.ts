// Unit tests call renderers directly: they speak English unless a test loads another catalog.
import { useLanguage } from '../src/i18n/index.js';

await useLanguage('en');
