// The topic lexicon and the category/section aliases, as data: topics.ts
// compiles them once at load. Written from general knowledge of news language;
// never fitted to an evaluation corpus.
// The lexicon. One string per topic: comma-separated entries, each a word, a
// phrase (matched on consecutive words) or a prefix ending in '*' (matched on
// the unstemmed word), with an optional weight (default 1): 3 = nearly
// unambiguous, 2 = strong, 1 = suggestive. Words listed under a second-level
// topic count for its parent too, so they are not repeated there.

export const LEXICON: Record<string, string> = {
  politics: `
    politic* 3, parliament* 3, minister 2, ministerial 2, ministry 1, mp 2, mep 2, lawmaker 3, legislator 3,
    opposition 2, tory 3, tories 3, labour 1.5, labour party 3, new labour 3, labour leader 3, conservative 1.5,
    conservative party 3, liberal democrat 3, lib dem 3, democrat 2, republican 2, democracy 2, democratic 1,
    party leader 3, party 1, leadership 1, backbench* 3, backbencher 3, coalition 2, cross-party 2,
    mayor 2, councillor 2, council 1, governor 1.5, senator 2, senate 2, congress 1.5, congressional 3,
    policy 1, policies 1, reform 1, manifesto 2, shadow 1, shadow chancellor 3, shadow minister 3,
    westminster 2, whitehall 2, constitution 2, constitutional 2, sovereignty 2, devolution 3, home office 2,
    select committee 3, spokesman 0.5, spokeswoman 0.5, peers 1, house of lords 3, house of commons 3,
    lobby 1, lobbyist 2, populist 2, nationalist 1.5, socialist 2, communist 1.5, ideology 1, pledge 1.5, pledged 1.5`,
  'politics/elections': `
    election 3, elect 2, electoral 3, electorate 3, vote 2, voter 3, voting 2, ballot 3, poll 1.5, polling 2,
    opinion poll 3, polling station 3, campaign 1, campaigning 1.5, candidate 2, candidacy 3, constituency 3,
    constituent 1.5, general election 3, referendum 3, turnout 2, hustings 3, canvass* 2, incumbent 2,
    swing voter 3, marginal seat 3, seat 1, majority 1, landslide 1, re-election 3, reelection 3, primary election 3,
    caucus 3, electoral commission 3, postal vote 3, electioneering 3, run-off 2, runoff 2, front-runner 1.5`,
  'politics/government': `
    government 2, governing 1.5, cabinet 2, prime minister 3, premier 0.5, president 1, presidential 2,
    presidency 2, chancellor 1, secretary 0.5, home secretary 3, cabinet minister 3, downing street 3,
    number 10 2, white house 3, kremlin 1.5, elysee 2, bill 0.5, legislation 2, legislative 2, legislat* 1,
    civil servant 2, civil service 2, public spending 2, spending review 2, public sector 1, department 0.5,
    administration 1, official 0.5, officials 0.5, regulation 1, ministers 1, state secretary 2, budget 0.5,
    veto 2, decree 2, executive order 3, white paper 2, green paper 2, consultation 1, quango 3, u-turn 2`,
  'politics/international-relations': `
    diplomat* 3, embassy 3, ambassador 3, envoy 3, consulate 3, foreign minister 3, foreign secretary 3,
    secretary of state 2, foreign policy 3, foreign affairs 3, foreign office 3, state department 3, summit 2,
    treaty 2, bilateral 3, multilateral 3, sanction 2, sanctions 2, united nations 3, un 1, security council 3,
    nato 3, european union 2, eu 1, g7 2, g8 2, g20 2, state visit 3, talks 0.5, accord 1, alliance 1, ally 1,
    allies 1, geopolitic* 3, superpower 2, nuclear programme 2, nuclear deal 3, brussels 1, european commission 2,
    ties 0.5, relations 0.5, foreign 0.5`,

  'economy-business-finance': `
    busines* 2, financ* 2, profit 3, profits 3, revenue 3, revenues 3, sales 2, turnover 1.5, earnings 2,
    investor 2, investment 2, invest 2, investing 2, bank 2, banking 2, banker 2, lender 2, lending 2, loan 1.5,
    mortgage 2, debt 1.5, credit 1, insur* 2, firm 1, industry 1, industrial 1, manufactur* 2, factory 1,
    retail* 2, retailer 3, supermarket 1, consumer 1, customer 1, price 1, prices 1, cost 1, costs 1,
    dollar 1.5, euro 1, sterling 1.5, yen 1.5, billion 1, #bn 1, trade 1, export 2, import 1, tariff 2,
    trade deficit 3, trade surplus 3, supplier 2, supply chain 2, commercial 1.5, commerce 2, merchant 1,
    deal 1, contract 0.5, bankrupt* 3, bankruptcy 3, insolven* 3, chapter 11 3, receivership 3, bailout 2,
    regulator 2, antitrust 3, competition watchdog 3, monopoly 2, entrepreneur 2, startup 1, start-up 1,
    oil price 3, crude 1.5, opec 3, barrel 1.5, energy price 2, airline 1, carmaker 3, tax 1, taxes 1,
    accountant 1.5, accounting 2, audit* 2, pension fund 3, fund 1, funds 1, asset 1.5, assets 1.5, growth 0.5,
    profit warning 3, market 1, markets 1, economic 1, economy 1`,
  'economy-business-finance/economy': `
    econom* 2, gdp 3, gross domestic product 3, inflation 3, deflation 3, recession 3, downturn 2, slowdown 2,
    interest rate 3, interest rates 3, rate rise 3, rate cut 3, base rate 3, central bank 3, federal reserve 3,
    the fed 2, bank of england 3, european central bank 3, ecb 2, imf 3, international monetary fund 3,
    world bank 3, fiscal 3, monetary 3, budget deficit 3, public finances 3, deficit 2, surplus 1.5,
    consumer spending 3, consumer confidence 3, house price 3, house prices 3, housing market 3, treasury 1.5,
    chancellor 0.5, taxation 2, exchange rate 3, currency 2, devaluation 3, yuan 1.5, quarter 1, quarterly 2,
    current account 3, productivity 2, cost of living 2, stimulus 2, austerity 2, growth forecast 3,
    economic growth 3, forecast 0.5, output 1, gross 0.5, spending 1, borrowing 2, national debt 3`,
  'economy-business-finance/markets': `
    stock market 3, stock exchange 3, share price 3, shares 1, share 0.5, stock 1, stocks 1.5, wall street 3,
    nasdaq 3, dow jones 3, ftse 3, nikkei 3, dax 2, hang seng 3, index 1, indices 2, bond market 3, bonds 1.5,
    bond yield 3, yield 1, trader 2, traders 2, trading 1, ipo 3, flotation 3, stock market listing 3,
    hedge fund 3, broker 2, brokerage 3, fund manager 3, market value 3, blue chip 3, equities 3, equity 1.5,
    commodit* 3, bull market 3, bear market 3, sell-off 3, investors 1, shareholder 2,
    shareholders 2, market capitalisation 3, valuation 2, currency markets 3, forex 3`,
  'economy-business-finance/companies': `
    company 2, companies 2, corporate 2, corporation 1.5, chief executive 2, ceo 2, chief financial officer 3,
    cfo 3, finance director 3, chairman 1, boss 1, board 0.5, boardroom 3, merger 3, takeover 3, acquisition 2,
    acquire 2, buyout 3, takeover bid 3, annual results 3, full-year 2, half-year 2, subsidiary 2, subsidiaries 2,
    brand 1, plc 3, inc 1.5, ltd 3, corp 2, conglomerate 3, restructuring 2, job cuts 2, market share 3,
    group 0.5, shareholder 1, dividend 3, chain 1, franchise 1, stake 1.5, unit 0.5, division 0.5`,

  sport: `
    sport 3, sporting 3, athlete 3, championship 2, champion 2, champions 2, tournament 2, world cup 3,
    olympic* 3, paralympic* 3, medal 3, medallist 3, coach 2, squad 2, team 1, teammate 3, match 2, game 1,
    season 1, league 2, cup 1, final 1, finals 1, semi-final 3, semi final 3, quarter-final 3, quarter final 3,
    player 2, players 2, win 1, won 1, victory 1, defeat 2, defeated 1.5, beat 1, draw 1, score 1, scored 2,
    scoring 1.5, injury 1, injured 1, fitness 1, training 1, personal best 3, world record 2, record 0.5, race 1,
    racing 1.5, captain 1.5, fixture 2, stadium 3, fans 1, supporters 1, opponent 2, opponents 2, rival 1,
    manager 1, referee 3, umpire 3, boxing 1, boxer 3, heavyweight 2, swimming 2, swimmer 3, cycling 1,
    cyclist 2, hockey 3, basketball 3, nba 3, baseball 3, nfl 3, american football 2, super bowl 3, ski 2,
    skiing 3, skier 3, snowboard* 3, gymnast* 3, sailing 1.5, horse racing 3, jockey 3, racecourse 3,
    grand national 3, darts 2, snooker 3, badminton 3, volleyball 3, handball 3, judo 3, wrestling 2,
    doping 3, drugs test 3, anti-doping 3, wada 3, playoff 3, play-off 3, title 0.5, medals 3, podium 2,
    qualifier 2, qualifying 1, knockout 1.5, unbeaten 3, winless 3, comeback 1, debut 1, striker 1, sprint 1,
    trophy 2, silverware 3, championships 2, relay 1.5, marathon 2, triathlon 3, half-time 3, halftime 3,
    extra time 2, injury time 3, first half 2, second half 2, home side 3, away side 3, the visitors 2,
    ioc 3, sportsman 3, sportswoman 3, sportsmen 3, premiership 2`,
  'sport/football': `
    football 3, footballer 3, soccer 3, goal 2, goals 2, goalkeeper 3, keeper 1, striker 2, midfielder 3,
    midfield 3, defender 1.5, winger 2, penalty 1, penalty kick 3, free-kick 3, free kick 3, corner kick 3,
    offside 3, red card 3, yellow card 3, booked 0.5, premier league 3, champions league 3, europa league 3,
    fa cup 3, league cup 3, carling cup 3, fifa 3, uefa 3, football association 3, bundesliga 3, la liga 3,
    serie a 3, ligue 1 2, mls 2, transfer 1, transfer window 3, loan deal 2, relegation 3, relegated 3,
    promotion 0.5, manchester united 3, manchester city 3, man utd 3, man united 3, arsenal 1.5, chelsea 2,
    liverpool 1, tottenham 2, everton 2, newcastle united 3, aston villa 3, celtic 1, rangers 1,
    real madrid 3, barcelona 1, juventus 3, ac milan 3, inter milan 3, bayern munich 3, psg 3, ajax 2,
    clean sheet 3, hat-trick 2, hat trick 2, equaliser 3, equalizer 3, header 1.5, the pitch 1, pitch 0.5,
    dribble 2, nil 1, gaffer 3, boss 0.5, scoreline 3, stoppage time 3, euro 2004 3, euro 2008 3,
    world cup qualifier 3, gunners 2`,
  'sport/tennis': `
    tennis 3, wimbledon 3, grand slam 2, australian open 3, us open 2, french open 3, roland garros 3,
    atp 3, wta 3, davis cup 3, fed cup 3, seed 1, seeded 1.5, top seed 3, tie-break 3, tiebreak 3,
    break point 3, match point 2, set point 3, straight sets 3, ace 1, aces 2, double fault 3,
    racket 1, racquet 3, baseline 1, clay court 3, grass court 3, hard court 3, clay 1, centre court 3,
    quarter-finals 1, unseeded 3, qualifier 0.5, grand slam title 3`,
  'sport/cricket': `
    cricket 3, cricketer 3, wicket 3, wickets 3, batsman 3, batsmen 3, batting 2, bowler 3, bowling 1.5,
    bowled 2, innings 3, test match 3, test series 3, one-day 2, one day international 3, odi 3, t20 3,
    twenty20 3, ashes 1.5, spinner 3, seamer 3, lbw 3, all-rounder 3, run out 2, century 0.5, declared 0.5,
    icc 2, ipl 3, county championship 3, the oval 2, test cricket 3, fielder 3`,
  'sport/motor-racing': `
    formula one 3, formula 1 3, f1 3, grand prix 3, motorsport 3, motor sport 3, motor racing 3,
    pole position 3, pit stop 3, pit lane 3, chequered flag 3, nascar 3, indycar 3, motogp 3, superbike 3,
    world rally championship 3, rally driver 3, le mans 3, racing driver 3, driver 1, drivers 1, lap 2, laps 2,
    fia 3, ferrari 2, mclaren 3, constructor 1, constructors 2, circuit 1, qualifying session 3, paddock 2,
    grid 1, chicane 3, overtake 2, overtaking 2`,
  'sport/rugby': `
    rugby 3, rugby union 3, rugby league 3, six nations 3, scrum 3, fly-half 3, fly half 3, scrum-half 3,
    lineout 3, line-out 3, all blacks 3, springboks 3, wallabies 3, lions tour 3,
    super league 2, heineken cup 3, premiership rugby 3, conversion 0.5, hooker 1, flanker 3`,
  'sport/golf': `
    golf 3, golfer 3, golfers 3, ryder cup 3, pga 3, the masters 2, masters 1, birdie 3, birdies 3, bogey 3,
    eagle 0.5, putt 3, putts 3, fairway 3, green jacket 3, open championship 3, european tour 2, par 1,
    under par 3, over par 3, caddie 3, clubhouse 2, tee 2`,
  'sport/athletics': `
    athletics 3, athlete 1, sprinter 3, sprint 1, 100m 2, 200m 2, 400m 2, 800m 2, 1500m 3, 5000m 3, 10000m 3,
    hurdles 1, hurdler 3, long jump 3, high jump 3, triple jump 3, pole vault 3, javelin 3, discus 3, shot put 3,
    iaaf 3, world athletics 3, decathlon 3, heptathlon 3, relay 1, marathon 1, indoor 1, track and field 3`,

  'arts-culture-entertainment-media': `
    art 2, arts 3, artist 2, artistic 2, artwork 3, culture 1, cultural 2, entertainment 3, entertainer 3,
    exhibition 2, gallery 2, museum 2, theatre 3, theater 3, theatrical 3, stage 1, playwright 3, musical 2,
    opera 3, ballet 3, dance 1.5, dancer 2, festival 2, comedy 3, comedian 3, comic 1.5, sketch 1, actor 3,
    actress 3, star 1, stars 1, world premiere 3, audience 2, audiences 2, critic 2, critics 2,
    review 0.5, painting 2, painter 2, sculpture 3, sculptor 3, poet 2, poetry 3, fashion 1, designer 1,
    media 1.5, newspaper 1.5, magazine 1.5, broadcaster 2, broadcasting 2, broadcast 1.5, journalism 2,
    journalist 1, radio 2, radio station 3, publishing 0.5, award 1, awards 1.5, award-winning 2, prize 1,
    nominat* 1.5, nominee 2, ceremony 1, showbiz 3, show business 3, showbusiness 3, performer 3,
    role 0.5, roles 0.5, character 1, creative 1, heritage 1, circus 2, pantomime 3, panto 3,
    musical theatre 3, west end 2, broadway 3, entertainment industry 3, celebrity 0.5, fame 1, hit 0.5,
    cast 1.5, plot 0.5, drama 1.5, script 1.5, producer 2, production 1, director 1, studio 1.5,
    studios 1.5, the show 1.5, fans 0.5`,
  'arts-culture-entertainment-media/film': `
    film 3, films 3, filmmaker 3, film-maker 3, cinema 3, cinemas 3, movie 3, movies 3, directed by 2,
    hollywood 3, bollywood 3, oscar 3, oscars 3, academy award 3, academy awards 3, bafta 3, baftas 3,
    golden globe 3, golden globes 3, box office 3, box-office 3, screenplay 3, screenwriter 3, screen 1,
    big screen 3, sequel 2, blockbuster 2, cannes 2, sundance 3, film festival 3, leading role 2,
    supporting actor 3, supporting actress 3, best actor 3, best actress 3, best picture 3, best director 3,
    animated 2, animation 2, biopic 3, documentary 1, cast 0.5, dvd 1, film studio 3, cinematograph* 3`,
  'arts-culture-entertainment-media/music': `
    music* 3, band 1.5, bands 1.5, singer 3, singers 3, song 3, songs 3, songwriter 3, album 3, albums 3,
    chart 1, charts 2, number one 1, top 40 3, concert 3, concerts 3, tour 1, gig 3, gigs 3,
    rapper 3, rap 2, hip-hop 3, hip hop 3, pop 1.5, rock 1.5, jazz 3, blues 0.5, orchestra 3, symphony 3,
    classical 1.5, guitar 3, guitarist 3, drummer 3, bassist 3, vocals 3, vocalist 3, lyrics 3, record label 3,
    record company 3, record deal 3, grammy 3, grammys 3, brit awards 3, brit award 3, mercury prize 3,
    eurovision 3, dj 2, glastonbury 3, frontman 3, lead singer 3, composer 3, soundtrack 2, pop star 3,
    rock star 3, boy band 3, girl group 3, duet 3, choir 3, sing 2, sang 2, sung 2, singing 2, ballad 3,
    recording studio 3, music industry 3, mtv 3, downloads 0.5, track 0.5, tracks 0.5, cd 1.5, cds 2`,
  'arts-culture-entertainment-media/television': `
    television 3, tv 3, sitcom 3, soap 1.5, soap opera 3, reality show 3, reality tv 3, presenter 2, presenters 2,
    chat show 3, talk show 3, series 1, episode 3, episodes 3, channel 2, channels 1, viewers 3,
    prime time 3, primetime 3, talent show 3, game show 3, drama series 3, documentary 1, emmy 3,
    emmys 3, sky one 3, bbc one 3, bbc two 3, channel 4 3, channel five 3, itv1 3, hbo 3, netflix 2,
    broadcast 1, screened 2, box set 3, spin-off 2, host 1, hosted 1, comedy series 3, tv show 3`,
  'arts-culture-entertainment-media/books': `
    book 2, books 2, novel 3, novels 3, novelist 3, author 2, authors 2, writer 2, writers 2, bestseller 3,
    best-seller 3, best-selling 3, publisher 2, publishers 2, booker prize 3, booker 2, literary 3,
    literature 3, fiction 2, non-fiction 3, memoir 3, memoirs 3, biography 2, autobiography 3, paperback 3,
    hardback 3, library 1, libraries 1, short story 3, bookshop 3, bookseller 3, booksellers 3, chapter 1,
    poems 3, poem 3, harry potter 2, reader 1, readers 1`,

  'human-interest': `
    anniversary 2, birthday 2, centenarian 3, oldest 1.5, youngest 1, world record 1, guinness world record 3,
    quirky 2, bizarre 2, unusual 1, heartwarming 3, heart-warming 3, reunited 2, reunion 2, lottery 2,
    jackpot 2, wedding 1.5, royal 1, royal family 2, queen 1, king 0.5, prince 1, princess 1.5, duchess 1.5,
    celebrate 1, celebration 1, celebrated 0.5, hero 1, bravery 2, good samaritan 3, viral 1, pet 2, pets 2,
    dog 1, dogs 1, cat 1, cats 1, zoo 2, puppy 2, kitten 2, honour 1, honoured 1, knighthood 3, mbe 3, obe 3,
    cbe 3, new year honours 3, birthday honours 3, tribute 1, obituary 3, died aged 2`,
  'human-interest/celebrity': `
    celebrity 3, celebrities 3, celeb 3, celebs 3, showbiz 1, red carpet 3, pop star 1, tv star 3,
    film star 3, movie star 3, star 0.5, famous 1.5, fame 1.5, paparazzi 3, tabloid 2, tabloids 2, a-list 3,
    supermodel 3, model 0.5, divorce 1, couple 0.5, girlfriend 1, boyfriend 1,
    split 0.5, publicist 3, gossip 3, heartthrob 3, socialite 3`,

  'science-technology': `
    science 3, scientist 3, scientists 3, scientific 3, research 2, researcher 2, researchers 2, study 1,
    studies 1, laboratory 2, lab 2, experiment 2, experiments 2, physics 3, physicist 3, chemistry 3,
    chemist 1, biology 3, biologist 3, genetic* 2, gene 2, genes 2, genome 3, dna 2, evolution 2,
    evolutionary 3, species 1, fossil 1.5, dinosaur 3, archaeolog* 3, journal 1, peer-reviewed 3,
    professor 1, discovery 1.5, discovered 1, innovation 2, invention 2, inventor 2, engineer 1.5,
    engineering 2, mathemat* 3, robot* 3, artificial intelligence 3, quantum 3, neuroscien* 3, particle 2,
    molecule 3, molecular 3, microscope 3, theory 1, hypothesis 3, data 1, academics 1, nobel prize 1`,
  'science-technology/technology': `
    technolog* 3, tech 3, hi-tech 3, high-tech 3, internet 3, online 1, web 2, website 2, websites 2,
    web site 3, web sites 3, world wide web 3, broadband 3, software 3, hardware 2, comput* 3, digital 2,
    mobile phone 3, mobile phones 3, phone 1, phones 1, mobile 1, smartphone 3, handset 3, handsets 3,
    gadget 3, gadgets 3, device 1.5, devices 1.5, app 2, apps 2, operating system 3, windows 1, microsoft 2,
    apple 1, google 2, yahoo 2, amazon 1, ibm 2, intel 2, search engine 3, email 2, e-mail 2, emails 2,
    spam 2, virus 0.5, computer virus 3, malware 3, hacker 3, hackers 3, hacking 2, hack 1, hacked 2,
    cyber* 3, database 2, network 1, networks 1, wireless 3, wi-fi 3, wifi 3, bluetooth 3, chip 1, chips 1,
    microchip 3, processor 3, processors 3, semiconductor 3, silicon 2, silicon valley 3, video game 3,
    video games 3, videogame 3, online gaming 3, games console 3, console 2, consoles 2, playstation 3, xbox 3,
    nintendo 3, gamer 3, gamers 3, online game 3, ipod 3, mp3 3, digital music 3, download 2, downloads 2,
    downloaded 2, downloading 2, file-sharing 3, file sharing 3, peer-to-peer 3, p2p 3, dvd 1, hd 1,
    high-definition 2, telecom* 2, blog 3, blogs 3, blogger 3, bloggers 3, social media 3, social network 3,
    social networking 3, facebook 2, twitter 2, users 1.5, user 1.5, password 3, passwords 3, encryption 3,
    spyware 3, phishing 3, pc 2, pcs 2, laptop 3, laptops 3, desktop 2, tablet 1, algorithm 3, algorithms 3,
    ai 2, machine learning 3, camera phone 3, digital camera 3, 3g 3, 4g 3, 5g 3, gigabyte 3, megabit 3,
    bandwidth 3, isp 3, isps 3, net 0.5, virtual 1, electronics 2, consumer electronics 3, chatbot 3, hi-fi 1,
    programmer 3, programmers 3, open source 3, linux 3, firefox 3, browser 3, browsers 3, server 2,
    servers 2, domain name 3, net users 3, web users 3, e-commerce 3, ecommerce 3, online shopping 3, voip 3,
    tech firm 3, tech firms 3, technical 1, screen 0.5, screens 1, display 0.5, games 0.5, interactive 2,
    sony 1.5, nokia 2, motorola 2, samsung 2, dell 2, hp 1, oracle 1.5, cisco 2`,
  'science-technology/space': `
    space 1.5, nasa 3, astronaut 3, astronauts 3, esa 2, rocket 1.5, satellite 2, satellites 2, orbit 3,
    orbiting 3, spacecraft 3, probe 1, mars 2, moon 1, lunar 3, planet 2, planets 3, telescope 3,
    astronom* 3, galaxy 3, galaxies 3, comet 3, asteroid 3, solar system 3, space station 3,
    international space station 3, space agency 3, spacex 3, cosmonaut 3, hubble 3, black hole 3,
    saturn 2, jupiter 2, space shuttle 3, launch pad 3, mission 0.5, cosmic 3, universe 2`,

  health: `
    health 3, healthcare 3, health care 3, health service 3, nhs 3, hospital 3, hospitals 3, patient 3,
    patients 3, doctor 2, doctors 2, nurse 2, nurses 2, nursing 2, medical 3, disease 3, diseases 3, illness 3,
    ill 1, virus 2, infection 3, infect* 3, outbreak 2, epidemic 3, pandemic 3, cancer 3, tumour 3, diabetes 3,
    obesity 3, obese 3, heart disease 3, heart attack 3, stroke 1, dementia 3, alzheimer 3, mental health 3,
    depression 1.5, anxiety 1, diet 1, nutrition 2, smoking 2, smoker 2, smokers 2, alcohol 1, drinking 1,
    gp 2, gps 2, clinic 2, clinical 3, symptom 3, symptoms 3, diagnos* 3, care 1, care home 2, ward 1,
    world health organization 3, world health organisation 3, public health 3, flu 3, influenza 3,
    hiv 3, malaria 3, tuberculosis 3, bird flu 3, sars 3, covid 3, coronavirus 3, measles 3, mmr 3,
    blood 1, organ 1, birth 1, pregnan* 2, maternity 2, life expectancy 2, waiting list 2, waiting lists 2,
    wellbeing 1, health secretary 3, health minister 3, department of health 3, infant 1, mortality 2,
    allergy 3, allergies 3, asthma 3, autism 3, disorder 2, chronic 2, fatal 1, deaths 0.5, addiction 2`,
  'health/medicine': `
    medicine 3, medicines 3, medication 3, drug 1, drugs 1, drug trial 3, prescription 3, prescriptions 3,
    prescribe 3, prescribed 3, antibiotic 3, antibiotics 3, dose 2, doses 2, side effect 3, side effects 3,
    surgery 3, surgeon 3, surgeons 3, operation 0.5, treatment 2, treatments 2, treat 1, treated 1, therapy 3,
    therapies 3, vaccine 3, vaccines 3, vaccinat* 3, immunisation 3, clinical trial 3, clinical trials 3,
    cure 2, stem cell 3, stem cells 3, transplant 3, pharmaceutical 3, pharmacist 3, pharmacy 3, pharma 3,
    chemotherapy 3, radiotherapy 3, screening 1, scan 1.5, scans 1.5, painkiller 3, painkillers 3,
    anaesthetic 3, ivf 3, fertility treatment 3, drug company 3, drugs company 3, generic drug 3`,

  'crime-law-justice': `
    crime 3, crimes 3, criminal 3, criminals 3, murder 3, murdered 3, murderer 3, homicide 3, manslaughter 3,
    killing 1, kill 0.5, stab 3, stabbed 3, stabbing 3, shooting 1.5, gun 1.5, guns 1.5, gunman 2, robbery 3,
    robber 3, robbers 3, burglary 3, burglar 3, theft 3, thief 3, thieves 3, stolen 2, steal 2, stealing 2,
    fraud 3, fraudster 3, fraudulent 3, scam 2, corruption 2, bribe* 2, bribery 3, assault 2, assaulted 2,
    rape 3, raped 3, sexual abuse 3, abuse 1.5, trafficking 2, trafficker 3, smuggl* 2, drug dealer 3,
    drug dealing 3, cocaine 2, heroin 2, cannabis 1, gang 2, gangs 2, organised crime 3, victim 1, victims 1,
    suspect 2, suspects 2, suspected 1, accused 2, charged 1, charged with 3, arrest 3, arrested 3,
    arrests 3, detain* 2, custody 2, prison 3, prisons 3, jail 3, jailed 3, prisoner 2, prisoners 2, inmate 3,
    inmates 3, sentence 2, sentenced 3, life sentence 3, parole 3, probation 3, convict* 3, guilty 3,
    not guilty 3, acquit* 3, offender 3, offenders 3, offence 2, offences 2, law 1, laws 1, lawyer 2,
    lawyers 2, solicitor 2, barrister 3, attorney 2, attorney general 3, prosecutor 3, prosecutors 3,
    prosecut* 3, legal 1.5, illegal 1, illegally 1, lawsuit 2, sue 2, sued 2, suing 2, legal action 2,
    justice 2, judicial 2, investigation 1, investigators 1, crown prosecution service 3, cps 2,
    extradit* 3, hate crime 3, knife crime 3, anti-social behaviour 2, asbo 3, asbos 3, fined 1, fine 0.5,
    witness 2, witnesses 2, evidence 1, forensic 3, alleged 1.5, allegedly 1.5, allegation 1.5,
    allegations 1.5, misconduct 2, criminal record 3, home secretary 1, civil liberties 2, human rights act 2,
    identity fraud 3, identity theft 3, copyright infringement 2, piracy 1.5, counterfeit 2, vandalism 3`,
  'crime-law-justice/courts': `
    court 2, courts 2, judge 2.5, judges 2, jury 3, juror 3, jurors 3, trial 2, trials 1, court hearing 3,
    verdict 3, supreme court 3, high court 3, court of appeal 3, appeal court 3, crown court 3,
    magistrates 3, magistrate 3, appeal 1, appeals 1, tribunal 2, ruling 1, ruled 1, court ruled 3, testify 3,
    testified 3, testimony 3, defendant 3, defendants 3, plaintiff 3, pleaded 3, plead 2, plea 2,
    injunction 3, law lords 3, judicial review 3, sentencing 2, bail 3, courtroom 3, legal battle 2,
    landmark ruling 3, the case 1, case 0.5, cases 0.5, damages 0.5, settlement 1, libel 3, court case 3,
    inquest 3, coroner 3, high court judge 3, european court 3`,
  'crime-law-justice/police': `
    police 3, policeman 3, policewoman 3, policemen 3, policing 3, officer 1, officers 1.5,
    police officer 3, police officers 3, constable 3, detective 3, detectives 3, scotland yard 3,
    metropolitan police 3, met police 3, fbi 3, chief constable 3, patrol 1.5, raid 1, raids 1, sheriff 3,
    cctv 2, stop and search 3, interpol 3, europol 3, police station 3, police force 3, police chief 3,
    manhunt 3, arrest warrant 3, search warrant 3, crime scene 3, riot police 3, investigating officer 3,
    cordon 2, cordoned 3`,

  environment: `
    environment 3, environmental* 3, pollution 3, pollut* 3, emission 3, emissions 3, carbon dioxide 3,
    co2 3, carbon 2, greenhouse gas 3, greenhouse gases 3, renewable energy 3, renewable 3, renewables 3,
    solar power 3, solar panels 3, wind farm 3, wind farms 3, wind power 3, wind turbine 3, recycl* 3,
    waste 2, landfill 3, plastic 1, plastics 1.5, conservation 3, conservationist 3, wildlife 3, species 2,
    endangered 3, extinction 3, extinct 3, biodiversity 3, habitat 3, habitats 3, deforestation 3, forest 1,
    forests 1.5, rainforest 3, ocean 1, oceans 1.5, river 1, rivers 1, green 1, greenpeace 3, wwf 3,
    friends of the earth 3, nature 1, ecosystem 3, ecosystems 3, ecolog* 3, fossil fuel 3, fossil fuels 3,
    air quality 3, clean energy 3, nuclear power 2, national park 2, sustainab* 3, environmentalist 3,
    environmentalists 3, eco-friendly 3, toxic 1.5, contamination 2, contaminated 2, oil spill 3,
    whale 2, whales 2, coral 2, bees 2, organic 1, pesticide 3, pesticides 3, gm crops 3, genetically modified 2,
    flora 3, fauna 3, natural resources 2, water supply 1, energy efficiency 3, energy saving 3`,
  'environment/climate-change': `
    climate change 3, climate 3, global warming 3, kyoto protocol 3, kyoto 2, paris agreement 3,
    greenhouse 2, net zero 3, carbon emissions 3, ipcc 3, sea level 3, sea levels 3, rising temperatures 3,
    ice sheet 3, ice sheets 3, glacier 2, glaciers 3, melting 1.5, decarbon* 3, carbon footprint 3,
    carbon neutral 3, carbon tax 3, emissions trading 3, climate scientists 3, warming 2, arctic 1.5,
    antarctic 1.5, polar 1, permafrost 3, extreme weather 2`,

  'conflict-war-peace': `
    war 3, wars 3, warfare 3, wartime 3, military 3, militar* 2, army 3, armies 3, troop 3, troops 3,
    soldier 3, soldiers 3, armed forces 3, security forces 2, forces 0.5, armed 0.5, conflict 2, conflicts 2,
    battle 1.5, battlefield 3, fighting 1.5, fighter 1, fighters 1.5, militant 3, militants 3, militia 3,
    militias 3, insurgent 3, insurgents 3, insurgency 3, rebel 2, rebels 2.5, air strike 3, air strikes 3,
    airstrike 3, airstrikes 3, bomb 2, bombs 2, bombing 3, bombings 3, bombed 2, explosion 1, missile 3,
    missiles 3, weapon 2, weapons 2, nuclear weapon 3, nuclear weapons 3, weapons of mass destruction 3,
    ceasefire 3, cease-fire 3, peace talks 3, peace process 3, peace deal 3, peace 1.5, truce 3, invasion 3,
    invade 3, invaded 3, occupation 1, occupied 1, siege 3, artillery 3, shelling 3, killed 1, civilians 2,
    civilian 2, casualties 2, casualty 1, refugee 1.5, refugees 1.5, displaced 1, humanitarian 1,
    genocide 3, war crime 3, war crimes 3, massacre 3, coup 3, civil war 3, guerrilla 3, guerrillas 3,
    navy 2, naval 2, air force 3, pentagon 2, defence 1, defense 1, ministry of defence 3, defence secretary 3,
    defence minister 3, hostage 3, hostages 3, kidnap* 2, riot 2, riots 2, unrest 2, clashes 1.5, clashed 2,
    violence 1, ammunition 3, drone 1, drones 1, veteran 1, veterans 1.5, landmine 3, landmines 3, grenade 3,
    sniper 3, gunmen 2, peacekeeper 3, peacekeepers 3, peacekeeping 3, occupying 2, frontline 2, front line 1,
    combat 3, offensive 1.5, ambush 3, armistice 3, warlord 3, warplanes 3, fighter jets 3, tanks 0.5,
    martial law 3, junta 3, uprising 3, revolt 2, protesters 1, protests 1`,
  'conflict-war-peace/terrorism': `
    terror* 3, al-qaeda 3, al qaeda 3, qaeda 3, isis 3, islamic state 3, jihad* 3, extremist 2, extremists 2,
    extremism 2, radicalis* 2, suicide bomber 3, suicide bombers 3, suicide bombing 3, suicide attack 3,
    car bomb 3, bomb plot 3, hijack* 2, detainee 2, detainees 2, guantanamo 3, bin laden 3, taliban 2,
    hamas 2, hezbollah 2, eta 1, ira 1.5, control orders 2, anti-terror 3, counter-terrorism 3`,

  'disaster-accident-emergency': `
    disaster 3, disasters 3, earthquake 3, earthquakes 3, quake 3, tsunami 3, flood 2, floods 2, flooding 2,
    flooded 2, hurricane 2, cyclone 2, typhoon 2, tornado 2, wildfire 3, wildfires 3, forest fire 3, bushfire 3,
    fire 1, fires 1, blaze 2, firefighter 3, firefighters 3, fire brigade 3, fire service 3, explosion 1.5,
    crash 1.5, crashed 1.5, plane crash 3, car crash 3, air crash 3, train crash 3, accident 3, accidents 3,
    collision 2, derail* 3, death toll 3, dead 0.5, died 0.5, survivor 2, survivors 2, rescue 1.5, rescued 1.5,
    rescuer 3, rescuers 3, evacuat* 3, emergency services 3, emergency 1.5, relief effort 3, aid agencies 2,
    aid agency 2, ambulance 2, paramedic 2, paramedics 2, missing 0.5, mudslide 3, landslide 1, avalanche 3,
    volcano 3, volcanic 3, eruption 3, erupted 2, famine 2, drought 1.5, shipwreck 3, capsiz* 3, sank 1.5,
    sinking 1, ferry 1, trapped 2, debris 2, wreckage 3, red cross 2, disaster relief 3, injured 1, injuries 1,
    fatalities 3, devastat* 1, devastated 1, aftershock 3, aftershocks 3, tremor 3, epicentre 3,
    magnitude 2, richter 3, gas leak 3, collapse 1, collapsed 1, search and rescue 3, emergency aid 3,
    coastguard 3, lifeboat 3, mine disaster 3, miners trapped 3, pile-up 3, road accident 3, air ambulance 3`,

  'lifestyle-leisure': `
    travel 2, holiday 2, holidays 2, holidaymaker 3, holidaymakers 3, tourism 3, tourist 2, tourists 2,
    restaurant 2, restaurants 2, chef 2, chefs 2, food 1, cooking 2, recipe 3, recipes 3, cuisine 3, wine 2,
    fashion 2, beauty 1, garden 2, gardens 1, gardening 3, gardener 3, hobby 3, hobbies 3, leisure 3,
    lifestyle 3, shopping 1, fitness 1, yoga 3, wellbeing 1, hotel 1, hotels 1, resort 2, resorts 2,
    cruise 2, gym 2, pub 1, pubs 1, beer 1, interior design 3, crafts 1, board game 3,
    puzzle 2, crossword 3, vegan 2, vegetarian 2, menu 2, dish 1, dishes 1, diy 3, home improvement 3,
    catwalk 3, designer 1, style 1, trend 0.5, trends 0.5, destination 1, destinations 2, getaway 3,
    theme park 3, nightlife 3, cocktail 2, spa 2, makeover 2`,

  education: `
    education 3, educational 3, school 3, schools 3, pupil 3, pupils 3, student 2, students 2, teacher 3,
    teachers 3, teaching 2, university 2, universities 3, college 2, colleges 2, tuition fees 3, tuition 3,
    top-up fees 3, exam 3, exams 3, examination 2, examinations 2, curriculum 3, classroom 3, classrooms 3,
    head teacher 3, headteacher 3, headteachers 3, ofsted 3, gcse 3, gcses 3, a-level 3, a-levels 3, a levels 3,
    graduate 2, graduates 2, degree 1, degrees 1, academic 2, lecturer 2, lecturers 2, campus 2,
    higher education 3, further education 3, literacy 3, numeracy 3, nursery 1, kindergarten 3,
    school meals 3, education secretary 3, education minister 3, grades 1, scholarship 2, scholarships 2,
    undergraduate 3, undergraduates 3, postgraduate 3, phd 2, truancy 3, learning 1, learners 2,
    schooling 3, primary school 3, secondary school 3, secondary schools 3, primary schools 3, sixth form 3,
    league tables 2, vice-chancellor 3, student loans 3, apprenticeship 1, apprenticeships 1`,

  labour: `
    employment 2, unemployment 3, unemployed 3, jobless 3, jobs 1.5, job 1, job losses 3, job cuts 3,
    worker 2, workers 2, workforce 2, employee 2, employees 2, employer 2, employers 2, trade union 3,
    trade unions 3, union 0.5, unions 1, strike 1.5, strikes 1.5, strike action 3,
    industrial action 3, walkout 3, walk-out 3, wage 3, wages 3, salary 2, salaries 2, pay 1, pay rise 3,
    pay deal 3, pay dispute 3, minimum wage 3, pension 1.5, pensions 2, pensioner 1, retirement 2,
    retirement age 3, redundanc* 3, layoff 3, layoffs 3, laid off 2, working hours 3, overtime 1,
    picket 3, pickets 3, picket line 3, collective bargaining 3, gig economy 3, apprentice* 1, labour force 3,
    labour market 3, recruitment 1, hiring 1, staff 1, tuc 3, workplace 2, working conditions 3,
    employment tribunal 3, unfair dismissal 3, sacked 1, dismissal 1, job centre 3, jobseeker 3,
    jobseekers 3, work permit 3, skills shortage 3, careers 0.5, career 0.5, shift workers 3, zero-hours 3`,

  religion: `
    religion 3, religions 3, religious 3, church 3, churches 3, mosque 3, mosques 3, synagogue 3, temple 2,
    pope 3, papal 3, vatican 3, bishop 3, bishops 3, archbishop 3, priest 3, priests 3, clergy 3, vicar 3,
    imam 3, rabbi 3, christian 3, christians 3, christianity 3, muslim 3, muslims 3, islam 3, islamic 2,
    jewish 3, jews 3, judaism 3, hindu 3, hindus 3, buddhist 3, buddhism 3, sikh 3, sikhs 3, faith 2,
    faiths 2, belief 1, beliefs 1.5, worship 3, prayer 2, prayers 2, pray 2, god 1, holy 2, bible 3, koran 3,
    quran 3, easter 1, ramadan 3, eid 2, diwali 2, hanukkah 3, catholic 3, catholics 3, protestant 3,
    anglican 3, church of england 3, evangelical 3, secular 2, atheist 3, blasphemy 3, pilgrim 3,
    pilgrims 3, pilgrimage 3, cardinal 1.5, saint 1, sermon 3, congregation 3, theology 3, spiritual 2,
    monk 3, monks 3, nun 3, nuns 3, cathedral 2, chapel 2, clergyman 3, interfaith 3, sectarian 2`,

  society: `
    society 2, social 1, community 1, communities 1, welfare 2, benefits 0.5, poverty 3, poor 1, homeless* 3,
    inequality 3, discrimination 3, racism 3, racist 2, human rights 3, civil rights 3, equality 2, gay 2,
    lgbt 3, same-sex 3, gay marriage 3, civil partnership 3, immigra* 3, migrant 3, migrants 3, migration 2,
    asylum 3, asylum seeker 3, asylum seekers 3, refugee 1.5, refugees 1.5, citizenship 2, demograph* 3,
    population 1, census 3, family 1, families 1, child poverty 3, social care 3, charity 2, charities 2,
    volunteer 2, volunteers 2, young people 1, elderly 2, old age 2, disabilit* 2, disabled 2,
    social security 3, housing 0.5, affordable housing 3, social housing 3, protest 1.5, protests 1,
    protester 1.5, protesters 1.5, demonstration 1, demonstrators 1.5, campaigner 1, campaigners 1.5,
    marriage 1, divorce 1, abortion 3, euthanasia 3, assisted dying 3, gender 2, feminis* 3, women's rights 3,
    race relations 3, ethnic minority 2, ethnic minorities 2, multicultural 3, social mobility 3,
    children 0.5, parents 1, parenting 1, youth 1, teenagers 1, teenage 1, childcare 3, adoption 2,
    foster 2, neighbourhood 1, freedom of speech 2, free speech 2, privacy 1, identity cards 2,
    id cards 2, surveillance 1, gambling 2, alcohol 0.5, binge drinking 3, obesity 0.5, pensioners 1.5`,

  weather: `
    weather 3, forecast 1, forecasts 1, forecaster 1, forecasters 1.5, met office 3, rain 2, rainfall 3,
    snow 3, snowfall 3, storm 2, storms 2, heatwave 3, heat wave 3, temperature 2, temperatures 2, celsius 2,
    fahrenheit 2, sunshine 2, sunny 2, wind 1, winds 1.5, fog 3, foggy 3, frost 3, ice 1, icy 2, freezing 1,
    cold 1, thunderstorm 3, thunderstorms 3, thunder 2, lightning 2, weather warning 3, amber warning 3,
    yellow warning 2, red warning 2, meteorolog* 3, drought 1, hurricane 1, blizzard 3, blizzards 3, gale 3,
    gales 3, gusts 3, humid 2, humidity 3, mild 1, showers 2, downpour 3, downpours 3, cold snap 3,
    hottest 1.5, coldest 1.5, wettest 3, driest 3, degrees 1, cloud 0.5, cloudy 3, sleet 3, hail 0.5, hailstones 3`,
};

// Feed categories and publisher sections → topics. Keys are normalised:
// lower case, '&' as 'and', other punctuation as spaces.
export const ALIASES: Record<string, string[]> = {};
function alias(slugs: string | string[], ...names: string[]): void {
  for (const n of names) ALIASES[n] = Array.isArray(slugs) ? slugs : [slugs];
}
alias('politics', 'politics', 'political', 'uk politics', 'us politics', 'world politics', 'politik', 'politique');
alias('politics/elections', 'elections', 'election', 'vote', 'voting', 'election 2024', 'us elections', 'general election');
alias('politics/government', 'government', 'governance', 'public policy', 'policy');
alias('politics/international-relations', 'diplomacy', 'foreign affairs', 'foreign policy', 'international relations', 'geopolitics');
alias('economy-business-finance', 'business', 'business news', 'finance', 'money', 'your money', 'personal finance', 'wirtschaft', 'economie', 'business and finance', 'business and economy', 'industry', 'trade');
alias('economy-business-finance/economy', 'economy', 'economics', 'the economy', 'global economy');
alias('economy-business-finance/markets', 'markets', 'market', 'stock markets', 'stocks', 'investing', 'currencies', 'commodities');
alias('economy-business-finance/companies', 'companies', 'company news', 'corporate', 'mergers and acquisitions', 'retail', 'banking');
alias('sport', 'sport', 'sports', 'sports news', 'sport news', 'olympics', 'boxing', 'cycling', 'sportif', 'sports general');
alias('sport/football', 'football', 'soccer', 'premier league', 'champions league', 'world cup', 'fussball');
alias('sport/tennis', 'tennis', 'wimbledon');
alias('sport/cricket', 'cricket', 'the ashes');
alias('sport/motor-racing', 'formula 1', 'formula one', 'f1', 'motorsport', 'motor sport', 'motor racing', 'motorsports');
alias('sport/rugby', 'rugby', 'rugby union', 'rugby league', 'six nations');
alias('sport/golf', 'golf');
alias('sport/athletics', 'athletics', 'track and field', 'running');
alias('arts-culture-entertainment-media', 'culture', 'arts', 'art', 'arts and culture', 'culture and arts', 'entertainment', 'entertainment and arts', 'arts and entertainment', 'stage', 'theatre', 'theater', 'media', 'art and design', 'comedy', 'dance', 'classical', 'kultur');
alias('arts-culture-entertainment-media/film', 'film', 'films', 'movies', 'movie', 'cinema');
alias('arts-culture-entertainment-media/music', 'music', 'pop', 'rock', 'jazz', 'classical music', 'pop music');
alias('arts-culture-entertainment-media/television', 'tv', 'television', 'tv and radio', 'tv and video', 'streaming');
alias('arts-culture-entertainment-media/books', 'books', 'book', 'literature', 'fiction', 'poetry');
alias('human-interest', 'human interest', 'good news', 'good-news', 'offbeat', 'odd news', 'weird news', 'oddities', 'animals', 'royals', 'obituaries');
alias('human-interest/celebrity', 'celebrity', 'celebrities', 'showbiz', 'showbusiness', 'celebrity news', 'gossip');
alias('science-technology', 'science', 'science news', 'science and tech', 'science and technology', 'wissenschaft', 'research');
alias('science-technology/technology', 'tech', 'technology', 'internet', 'gadgets', 'gaming', 'games', 'computing', 'ai', 'artificial intelligence', 'cybersecurity', 'software', 'mobile', 'digital', 'tech news', 'technik');
alias('science-technology/space', 'space', 'astronomy', 'space and astronomy');
alias(['science-technology', 'environment'], 'science and environment', 'science and nature');
alias('health', 'health', 'health news', 'wellness', 'mental health', 'nhs', 'gesundheit');
alias('health/medicine', 'medicine', 'medical research', 'medical');
alias('crime-law-justice', 'crime', 'law', 'justice', 'crime and justice', 'law and order', 'legal', 'true crime');
alias('crime-law-justice/courts', 'courts', 'court', 'the courts');
alias('crime-law-justice/police', 'police', 'policing');
alias('environment', 'environment', 'nature', 'wildlife', 'conservation', 'energy and environment', 'green', 'pollution');
alias('environment/climate-change', 'climate', 'climate change', 'climate crisis', 'global warming');
alias('conflict-war-peace', 'war', 'conflict', 'conflicts', 'defence', 'defense', 'military', 'war and conflict');
alias('conflict-war-peace/terrorism', 'terrorism', 'terror');
alias('disaster-accident-emergency', 'disaster', 'disasters', 'accidents', 'emergencies', 'natural disasters');
alias('lifestyle-leisure', 'lifestyle', 'life and style', 'leisure', 'travel', 'food', 'food and drink', 'fashion', 'style', 'home and garden', 'gardening', 'motoring', 'cars', 'recipes');
alias('education', 'education', 'schools', 'universities', 'higher education', 'family and education');
alias('labour', 'work', 'jobs', 'careers', 'employment', 'work and careers', 'unions');
alias('religion', 'religion', 'faith', 'religion and belief', 'belief');
alias('society', 'society', 'communities', 'social affairs', 'equality', 'immigration', 'housing', 'inequality');
alias('weather', 'weather', 'forecast');
