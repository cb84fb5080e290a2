/**
 * Word lists that complement the Hunspell dictionaries. Data only; each group
 * says why it is here. Everything is lower case; matching is case-insensitive.
 */

/**
 * Ordinary workplace and technology vocabulary that the SCOWL-based
 * dictionaries lack. Follow-up notes talk about the job, and a good note that
 * mentions "onboarding" or a "roadmap" must not light up. Inflected forms are
 * listed because the list bypasses Hunspell's affix rules.
 */
const WORKPLACE = `
adtech agentic async automations backend backends benchmarking bootcamp bootcamps
chatbot chatbots cleantech codebase codebases cofounded cofounder cofounders copyediting
copywriting crowdsource crowdsourced customer-facing cybersecurity dashboarding
datapoint datapoints dataops datasets devops ecommerce edtech email emails fintech fintechs
frontend frontends fullstack gamification geospatial handoff handoffs hackathon hackathons
healthtech ideation incentivize incentivized incentivise incentivised infosec insourcing
insurtech kanban learnings lifecycle lifecycles livestream martech medtech mentee mentees
microcopy microservice microservices middleware monorepo monorepos neobank observability
offboard offboarded offboarding omnichannel onboard onboarded onboarding onboardings
oncall operationalize operationalized operationalizing operationalise operationalised
pipelining postmortem postmortems preprint preprints preprocessing productize productized
productionize productionized programmatically proptech readmission readmissions repo repos
reskill reskilled reskilling roadmap roadmaps roadmapping rollout rollouts runbook runbooks
scalable scaleup scaleups serverless signup signups standup standups storyboarding subteam
subteams telehealth telemedicine timezones toolchain toolchains touchpoint touchpoints
tradeoff tradeoffs upleveling upsell upselling upskill upskilled upskilling uptime
walkthrough walkthroughs webhook webhooks whiteboarding wifi wireframe wireframes
wireframing workstream workstreams containerization containerized monetization
prioritization localization standardize standardise centralize decentralized ebook ebooks
failover failovers autoscaling derisk derisked derisking wellbeing screenshare pageview pageviews
clickthrough hotfix hotfixes rebrand rebranded rebranding pharma fundraise fundraises subfield subfields prem
ideate ideated ideating microsite microsites upsells remarketing retarget retargeted retargeting geotargeting
gamified incentivizing incentivising offsites onsites dogfood dogfooding linter linters autoscale multitenant
webapp webapps dev devs influencer influencers precept precepted precepting preceptorship timebox timeboxed
timeboxing upleveled leaderboard leaderboards livestreams vlog vlogs podcaster podcasters videoconference
videoconferencing reframe reframed reframing skillset skillsets toolset toolsets
`;

/** Loanwords the dictionaries carry only without their accents (a note about a "résumé" is spelled right). */
const ACCENTED = `
résumé résumés café cafés naïve naïvely naïveté cliché clichés fiancé fiancée protégé protégée
façade déjà vu entrée entrées décor début débuts rôle élan soirée
`;

function toSet(...groups: string[]): ReadonlySet<string> {
  return new Set(groups.flatMap((g) => g.split(/\s+/).filter(Boolean)));
}

export const EXTRA_WORDS: ReadonlySet<string> = toSet(WORKPLACE, ACCENTED);

/**
 * First parts of hyphenated compounds that are not words on their own
 * ("pre-read", "co-led", "non-technical"); the rest of the compound is still checked.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = toSet(`
a anti bi co counter cross de e ex extra hyper inter intra macro micro mid mini multi neo non
omni over post pre pro quasi re semi self sub super tri ultra un under
`);

/**
 * Common typos and their corrections. Two uses: the correction becomes the
 * first suggestion (the dictionary ranks some poorly: "dont" → "cont",
 * "alot" → "allot"), and a listed typo is flagged even when capitalised at
 * the start of a sentence, where unknown capitalised words are otherwise
 * taken for names.
 */
export const KNOWN_MISSPELLINGS: Readonly<Record<string, readonly string[]>> = {
  alot: ['a lot'],
  thankyou: ['thank you'],
  greatful: ['grateful'],
  gratefull: ['grateful'],
  thnak: ['thank'],
  thnaks: ['thanks'],
  thansk: ['thanks'],
  thakns: ['thanks'],
  thak: ['thank'],
  teh: ['the'],
  hte: ['the'],
  adn: ['and'],
  taht: ['that'],
  wiht: ['with'],
  thier: ['their'],
  wich: ['which'],
  suprise: ['surprise'],
  foward: ['forward'],
  forword: ['forward'],
  happend: ['happened'],
  realy: ['really'],
  finaly: ['finally'],
  postion: ['position'],
  writting: ['writing'],
  excitied: ['excited'],
  regads: ['regards'],
  refered: ['referred'],
  collegue: ['colleague'],
  collegues: ['colleagues'],
  wierd: ['weird'],
  dont: ["don't"],
  youre: ["you're"],
  theyre: ["they're"],
  thats: ["that's"],
  theres: ["there's"],
  isnt: ["isn't"],
  wasnt: ["wasn't"],
  arent: ["aren't"],
  havent: ["haven't"],
  hasnt: ["hasn't"],
  im: ["I'm"],
  ive: ["I've"],
  weve: ["we've"],
  youve: ["you've"],
  // Classic misspellings: listed so they are caught even when capitalised at the start of a sentence.
  definately: ['definitely'],
  seperate: ['separate'],
  seperately: ['separately'],
  occured: ['occurred'],
  untill: ['until'],
  recieve: ['receive'],
  recieved: ['received'],
  accomodate: ['accommodate'],
  acheive: ['achieve'],
  acheived: ['achieved'],
  beleive: ['believe'],
  truely: ['truly'],
  tommorrow: ['tomorrow'],
  tommorow: ['tomorrow'],
  goverment: ['government'],
  enviroment: ['environment'],
  independant: ['independent'],
  occurence: ['occurrence'],
  persistant: ['persistent'],
  reccomend: ['recommend'],
  recomend: ['recommend'],
  begining: ['beginning'],
  buisness: ['business'],
  calender: ['calendar'],
  commited: ['committed'],
  concious: ['conscious'],
  existance: ['existence'],
  experiance: ['experience'],
  familar: ['familiar'],
  immediatly: ['immediately'],
  intresting: ['interesting'],
  intrested: ['interested'],
  knowlege: ['knowledge'],
  liason: ['liaison'],
  neccessary: ['necessary'],
  noticable: ['noticeable'],
  oppurtunity: ['opportunity'],
  oppertunity: ['opportunity'],
  posession: ['possession'],
  prefered: ['preferred'],
  publically: ['publicly'],
  relevent: ['relevant'],
  responsability: ['responsibility'],
  sucess: ['success'],
  succesful: ['successful'],
  sincerly: ['sincerely'],
  interveiw: ['interview'],
  intervew: ['interview'],
  appriciate: ['appreciate'],
  apreciate: ['appreciate'],
  managment: ['management'],
  compnay: ['company'],
  comapny: ['company'],
  looknig: ['looking'],
};
