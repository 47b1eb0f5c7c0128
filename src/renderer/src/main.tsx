// First, before anything parses: see the file.
import './zod-without-eval'
// The theme before every other style sheet, so any of them may build on it.
import './platform/ui/theme.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { LockGate } from './security'

const root = document.getElementById('root')
if (!root) throw new Error('Rapport: index.html has no #root element.')

createRoot(root).render(
  <StrictMode>
    <LockGate>
      <App />
    </LockGate>
  </StrictMode>
)
