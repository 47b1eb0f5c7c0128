/// <reference types="vite/client" />
import type { RapportApi } from '@shared/api'

declare global {
  interface Window {
    rapport: RapportApi
  }
}

export {}
